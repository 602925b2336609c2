using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;
using Redox.Drivers.Lpc.Text;

namespace Redox.Drivers.Lpc.Ec;

/// <summary>
/// <c>ec:</c> the embedded controller: the ACPI EC's 256-byte space and its event queries, and, when the EC
/// runs System76 firmware, its SMFI commands (<see cref="EcFile"/> lists the files). Absence is found once at
/// start-up: opening a file of a missing back end answers <c>ENODEV</c> (QEMU has neither). A transaction whose
/// IBF/OBF wait runs out of polls answers <c>EIO</c>.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
[NoAlloc]
public sealed class EcScheme<TPort> : SchemeBase
    where TPort : struct, IPortIo
{
    /// <summary>Size of EC space.</summary>
    public const int SpaceSize = 256;

    private readonly AcpiEcController<TPort> _ec;
    private readonly SmfiController<TPort> _smfi;
    private readonly bool _hasEc;
    private readonly bool _hasSmfi;
    private readonly HandleTable<EcState> _handles;
    private readonly byte[] _text;

    /// <summary>
    /// A scheme over the ACPI EC <paramref name="ec"/> and the SMFI window <paramref name="smfi"/>, probing both now
    /// (bounded by their poll budgets).
    /// </summary>
    public EcScheme(AcpiEcController<TPort> ec, SmfiController<TPort> smfi, int maxHandles = 16)
    {
        _ec = ec;
        _smfi = smfi;
        _hasEc = ec.Probe();
        _hasSmfi = smfi.Probe(out byte version);
        SmfiVersion = version;
        _handles = new HandleTable<EcState>(maxHandles);
        _text = new byte[SmfiController<TPort>.WindowSize];
    }

    /// <summary>True when an ACPI EC answered at start-up.</summary>
    public bool HasAcpiEc => _hasEc;

    /// <summary>True when a System76 SMFI window answered PROBE.</summary>
    public bool HasSmfi => _hasSmfi;

    /// <summary>The SMFI protocol version (0 without SMFI).</summary>
    public byte SmfiVersion { get; }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        EcFile file;
        bool smfi = false;
        if (path.IsEmpty)
        {
            file = EcFile.Space;
        }
        else if (path.SequenceEqual("query"u8))
        {
            file = EcFile.Query;
        }
        else if (path.SequenceEqual("system76/board"u8))
        {
            file = EcFile.Board;
            smfi = true;
        }
        else if (path.SequenceEqual("system76/version"u8))
        {
            file = EcFile.Version;
            smfi = true;
        }
        else if (path.SequenceEqual("system76/print"u8))
        {
            file = EcFile.Print;
            smfi = true;
        }
        else
        {
            return Errno.ENOENT;
        }
        if (smfi ? !_hasSmfi : !_hasEc)
        {
            return Errno.ENODEV;
        }
        return _handles.TryAdd(new EcState { File = file }, out ulong id) ? OpenResult.Handle(id, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref EcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        switch (state.File)
        {
            case EcFile.Space:
            {
                int n = 0;
                while (n < buffer.Length && offset + (ulong)n < SpaceSize)
                {
                    Errno error = _ec.ReadByte((byte)(offset + (ulong)n), out byte value);
                    if (error != 0)
                    {
                        return n > 0 ? SyscallResult.Ok((ulong)n) : error;
                    }
                    buffer[n++] = value;
                }
                return SyscallResult.Ok((ulong)n);
            }
            case EcFile.Query:
            {
                if (buffer.IsEmpty)
                {
                    return SyscallResult.Ok(0);
                }
                Errno error = _ec.Query(out byte eventNumber);
                if (error != 0)
                {
                    return error;
                }
                buffer[0] = eventNumber;
                return SyscallResult.Ok(1);
            }
            case EcFile.Board:
            case EcFile.Version:
            {
                byte command = state.File == EcFile.Board ? SmfiController<TPort>.BoardCommand : SmfiController<TPort>.VersionCommand;
                SyscallResult length = _smfi.ReadString(command, _text);
                if (length.IsError)
                {
                    return length;
                }
                int n = (int)length.Value;
                if (n < _text.Length)
                {
                    _text[n++] = (byte)'\n';
                }
                return TextFile.Copy(new ReadOnlySpan<byte>(_text, 0, n), buffer, offset);
            }
            default:
                return Errno.EBADF; // print is write-only
        }
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref EcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if (state.File == EcFile.Print)
        {
            return _smfi.Print(buffer);
        }
        if (state.File != EcFile.Space)
        {
            return Errno.EBADF;
        }
        if (!buffer.IsEmpty && offset >= SpaceSize)
        {
            return Errno.ENOSPC;
        }
        int n = 0;
        while (n < buffer.Length && offset + (ulong)n < SpaceSize)
        {
            Errno error = _ec.WriteByte((byte)(offset + (ulong)n), buffer[n]);
            if (error != 0)
            {
                return n > 0 ? SyscallResult.Ok((ulong)n) : error;
            }
            n++;
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
    {
        ref EcState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        return SyscallResult.Ok(state.File == EcFile.Space ? SpaceSize : 0UL);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
