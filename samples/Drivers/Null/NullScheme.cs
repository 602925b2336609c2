using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;

namespace Samples.Drivers.Null;

/// <summary><c>null:</c> reads are at end of file at once; writes are accepted and dropped.</summary>
[NoAlloc]
public sealed class NullScheme : SchemeBase
{
    private readonly HandleTable<NoState> _handles;

    /// <summary>A null: scheme with room for <paramref name="maxHandles"/> open handles.</summary>
    public NullScheme(int maxHandles = 64)
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
        => _handles.Contains(id) ? SyscallResult.Ok(0) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok((ulong)buffer.Length) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
        => _handles.Contains(id) ? SchemePath.Copy("null:"u8, buffer) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
