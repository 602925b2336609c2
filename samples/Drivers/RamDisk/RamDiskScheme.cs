using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;

namespace Samples.Drivers.RamDisk;

/// <summary>
/// <c>ramdisk:</c> a positioned (seekable) block device backed by RAM: read and write at any offset
/// within the disk, <c>fsize</c> for <c>lseek(SEEK_END)</c>, <c>fstat</c>, <c>fstatvfs</c>, <c>fsync</c>.
/// Always ready for reading and writing, so <c>fevent</c> answers both at once.
/// </summary>
[NoAlloc]
public sealed class RamDiskScheme : SchemeBase
{
    private readonly RamDiskController _disk;
    private readonly HandleTable<RamDiskState> _handles;

    /// <summary>A scheme over <paramref name="disk"/> with room for <paramref name="maxHandles"/> handles.</summary>
    public RamDiskScheme(RamDiskController disk, int maxHandles = 64)
    {
        _disk = disk;
        _handles = new HandleTable<RamDiskState>(maxHandles);
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (!path.IsEmpty)
        {
            return Errno.ENOENT;
        }
        if ((flags & OpenFlags.Directory) != 0)
        {
            return Errno.ENOTDIR;
        }
        var state = new RamDiskState { Flags = flags };
        return _handles.TryAdd(state, out ulong id) ? OpenResult.Handle(id, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override OpenResult Dup(ulong id, ReadOnlySpan<byte> buffer, in CallerContext caller)
    {
        ref RamDiskState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if (!buffer.IsEmpty)
        {
            return Errno.EINVAL;
        }
        return _handles.TryAdd(state, out ulong copy) ? OpenResult.Handle(copy, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref RamDiskState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if ((state.Flags & OpenFlags.AccessMode) == OpenFlags.WriteOnly)
        {
            return Errno.EBADF;
        }
        return SyscallResult.Ok((ulong)_disk.Read(offset, buffer));
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref RamDiskState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if ((state.Flags & OpenFlags.AccessMode) == OpenFlags.ReadOnly)
        {
            return Errno.EBADF;
        }
        if (buffer.IsEmpty)
        {
            return SyscallResult.Ok(0);
        }
        int n = _disk.Write(offset, buffer);
        return n == 0 ? Errno.ENOSPC : SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok(_disk.Size) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok((ulong)(flags & (EventFlags.Read | EventFlags.Write))) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
        => _handles.Contains(id) ? SchemePath.Copy("ramdisk:"u8, buffer) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        stat.Mode = (ushort)(ModeFlags.File | (ModeFlags)0x1B0); // rw-rw----
        stat.Size = _disk.Size;
        stat.BlkSize = RamDiskController.BlockSize;
        stat.Blocks = _disk.Blocks;
        stat.Nlink = 1;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fstatvfs(ulong id, ref StatVfs stat, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        stat.BlockSize = RamDiskController.BlockSize;
        stat.Blocks = _disk.Blocks;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsync(ulong id, in CallerContext caller)
        => _handles.Contains(id) ? SyscallResult.Ok(0) : Errno.EBADF;

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
