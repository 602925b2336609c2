using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;

namespace Samples.Drivers.Zero;

/// <summary><c>zero:</c> reads give zero bytes without end; writes are accepted and dropped.</summary>
[NoAlloc]
public sealed class ZeroScheme : SchemeBase
{
    private readonly HandleTable<NoState> _handles;

    /// <summary>A zero: scheme with room for <paramref name="maxHandles"/> open handles.</summary>
    public ZeroScheme(int maxHandles = 64)
    {
        _handles = new HandleTable<NoState>(maxHandles);
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (!path.IsEmpty)
        {
            return Errno.ENOENT;
        }
        return _handles.TryAdd(default, out ulong id) ? OpenResult.Handle(id) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        buffer.Clear();
        return SyscallResult.Ok((ulong)buffer.Length);
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok((ulong)buffer.Length) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok((ulong)(flags & (EventFlags.Read | EventFlags.Write))) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
        => _handles.Contains(id) ? SchemePath.Copy("zero:"u8, buffer) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        stat.Mode = (ushort)(ModeFlags.CharDevice | (ModeFlags)0x1B6); // crw-rw-rw-
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
