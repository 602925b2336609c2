using Redox;
using Redox.Runtime;
using Redox.Scheme;
using Redox.Syscall;

/// <summary>
/// <c>crashy:</c>, a driver that dies on request: reading a handle opened as <c>fault</c> dereferences null (the CPU
/// kills the process), one opened as <c>exit</c> exits with code 3 in the middle of the call, one opened as <c>port</c>
/// reads I/O port 0x64, which its grant (0x70-0x71) does not include (#GP); any other handle reads "alive" and the
/// driver's process id, and, as <c>rtc</c>, the CMOS seconds register through the granted ports.
/// </summary>
public sealed unsafe class CrashScheme : SchemeBase
{
    private const ulong Fault = 1, Exit = 2, Alive = 3, Port = 4, Rtc = 5;

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (path.SequenceEqual("fault"u8)) return OpenResult.Handle(Fault);
        if (path.SequenceEqual("exit"u8)) return OpenResult.Handle(Exit);
        if (path.SequenceEqual("port"u8)) return OpenResult.Handle(Port);
        if (path.SequenceEqual("rtc"u8)) return OpenResult.Handle(Rtc);
        return OpenResult.Handle(Alive);
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        if (id == Fault) *(int*)(nuint)Process.ArgumentCount = 1;      // address 1 or so: the null page, never mapped
        if (id == Exit) Process.Exit(3);
        if (id == Port) Redox.Syscall.Io.BareMetalPortIo.In8(0x64);
        if (id == Rtc)
        {
            Redox.Syscall.Io.BareMetalPortIo.Out8(0x70, 0x00);           // CMOS register 0: seconds
            buffer[0] = Redox.Syscall.Io.BareMetalPortIo.In8(0x71);
            return SyscallResult.Ok(1);
        }
        if (buffer.Length < 8) return Errno.EINVAL;
        "alive"u8.CopyTo(buffer);
        buffer[5] = (byte)Process.Id;
        return SyscallResult.Ok(6);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller) => SyscallResult.Ok(0);
}
