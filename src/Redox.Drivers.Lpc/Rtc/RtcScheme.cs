using System;
using Redox;
using Redox.Drivers.Lpc.Text;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Rtc;

/// <summary>
/// <c>rtc:</c> the CMOS real-time clock and its NVRAM.
/// <list type="bullet">
/// <item><c>rtc:</c> reads "2026-12-02T10:20:30\n" (a fresh, UIP-safe reading at offset 0); writing that form sets the clock.</item>
/// <item><c>rtc:unix</c> reads and writes decimal seconds since 1970-01-01.</item>
/// <item><c>rtc:nvram</c>: the battery-backed bytes 0x0E-0x7F (114 of them) as a positioned file.</item>
/// </list>
/// Named <c>rtc:</c> rather than <c>time:</c> because Redox's <c>time:</c> is the kernel's clock scheme. A clock that
/// does not answer (UIP stuck, garbage values) answers <c>EIO</c>; an invalid date written answers <c>EINVAL</c>.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
[NoAlloc]
public sealed class RtcScheme<TPort> : SchemeBase
    where TPort : struct, IPortIo
{
    /// <summary>Bytes of NVRAM served by <c>rtc:nvram</c>.</summary>
    public const int NvramSize = RtcController<TPort>.Size - RtcController<TPort>.FirstNvram;

    private readonly RtcController<TPort> _clock;
    private readonly HandleTable<RtcState> _handles;
    private readonly byte[] _text;

    /// <summary>A scheme over <paramref name="clock"/>.</summary>
    public RtcScheme(RtcController<TPort> clock, int maxHandles = 16)
    {
        _clock = clock;
        _handles = new HandleTable<RtcState>(maxHandles);
        _text = new byte[32];
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        RtcFile file;
        if (path.IsEmpty)
        {
            file = RtcFile.DateTime;
        }
        else if (path.SequenceEqual("unix"u8))
        {
            file = RtcFile.Unix;
        }
        else if (path.SequenceEqual("nvram"u8))
        {
            file = RtcFile.Nvram;
        }
        else
        {
            return Errno.ENOENT;
        }
        return _handles.TryAdd(new RtcState { File = file }, out ulong id) ? OpenResult.Handle(id, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref RtcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if (state.File == RtcFile.Nvram)
        {
            int n = 0;
            while (n < buffer.Length && offset + (ulong)n < NvramSize)
            {
                buffer[n] = _clock.ReadRegister((byte)(RtcController<TPort>.FirstNvram + (int)offset + n));
                n++;
            }
            return SyscallResult.Ok((ulong)n);
        }
        Errno error = _clock.Read(out RtcDateTime now);
        if (error != 0)
        {
            return error;
        }
        var writer = new AsciiWriter(_text);
        if (state.File == RtcFile.Unix)
        {
            writer.Decimal((ulong)now.ToUnixSeconds());
        }
        else
        {
            now.Format(ref writer);
        }
        writer.Byte((byte)'\n');
        return TextFile.Copy(writer.Written, buffer, offset);
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref RtcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if (state.File == RtcFile.Nvram)
        {
            if (!buffer.IsEmpty && offset >= NvramSize)
            {
                return Errno.ENOSPC;
            }
            int n = 0;
            while (n < buffer.Length && offset + (ulong)n < NvramSize)
            {
                _clock.WriteRegister((byte)(RtcController<TPort>.FirstNvram + (int)offset + n), buffer[n]);
                n++;
            }
            return SyscallResult.Ok((ulong)n);
        }
        RtcDateTime value;
        if (state.File == RtcFile.Unix)
        {
            var reader = new AsciiReader(buffer);
            reader.SkipSpace();
            bool ok = reader.Decimal(12, out ulong seconds);
            reader.SkipSpace();
            if (!ok || !reader.AtEnd)
            {
                return Errno.EINVAL;
            }
            value = RtcDateTime.FromUnixSeconds((long)seconds);
        }
        else if (!RtcDateTime.TryParse(buffer, out value))
        {
            return Errno.EINVAL;
        }
        Errno error = _clock.Write(value);
        return error != 0 ? error : SyscallResult.Ok((ulong)buffer.Length);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
    {
        ref RtcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        return SyscallResult.Ok(state.File == RtcFile.Nvram ? NvramSize : 0UL);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
