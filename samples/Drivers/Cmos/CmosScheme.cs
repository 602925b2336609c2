using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Samples.Drivers.Cmos;

/// <summary>
/// <c>cmos:</c> the 128 CMOS registers as a positioned file: read any of them, write only the NVRAM
/// part (0x0E..0x7F; writing a clock register answers <c>EPERM</c>). Generic over the port back end, so
/// the same code drives the real chip and a simulated one.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
[NoAlloc]
public sealed class CmosScheme<TPort> : SchemeBase
    where TPort : struct, IPortIo
{
    private readonly CmosController<TPort> _chip;
    private readonly HandleTable<NoState> _handles;

    /// <summary>A scheme with room for <paramref name="maxHandles"/> handles.</summary>
    public CmosScheme(int maxHandles = 16)
    {
        _chip = default;
        _handles = new HandleTable<NoState>(maxHandles);
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (!path.IsEmpty)
        {
            return Errno.ENOENT;
        }
        return _handles.TryAdd(default, out ulong id) ? OpenResult.Handle(id, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        int n = 0;
        while (n < buffer.Length && offset + (ulong)n < CmosController<TPort>.Size)
        {
            buffer[n] = _chip.Read((byte)(offset + (ulong)n));
            n++;
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        if (buffer.IsEmpty)
        {
            return SyscallResult.Ok(0);
        }
        if (offset < CmosController<TPort>.FirstNvram)
        {
            return Errno.EPERM;
        }
        if (offset >= CmosController<TPort>.Size)
        {
            return Errno.ENOSPC;
        }
        int n = 0;
        while (n < buffer.Length && offset + (ulong)n < CmosController<TPort>.Size)
        {
            _chip.Write((byte)(offset + (ulong)n), buffer[n]);
            n++;
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok(CmosController<TPort>.Size) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
