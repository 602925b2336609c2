using System;
using System.Runtime.InteropServices;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Conformance;

/// <summary>
/// <c>conf:</c>, the conformance suite's driver: small and deterministic, it answers every routed opcode and
/// records what it saw (<see cref="ConformanceStats"/>, readable through <c>conf:stats</c>).
/// <list type="bullet">
/// <item><c>conf:file</c> — one shared file of up to <see cref="FileCapacity"/> bytes, positioned (the kernel keeps
/// the offset): read/write at the offset, fsize/fstat give its length, ftruncate sets it, fchmod/fchown/futimens
/// change what fstat reports, a write posts <c>EVENT_READ</c> for the written handle, fevent answers
/// <c>EVENT_READ</c> while the file is not empty.</item>
/// <item><c>conf:stats</c> — reads return the record (not positioned).</item>
/// <item><c>conf:echo/…</c> — any path under <c>echo/</c> opens; fpath gives <c>conf:</c> + that path back.</item>
/// <item>fcntl: <c>F_GETFL</c> answers the open flags, <c>F_SETFL</c> replaces the non-access bits; other commands
/// <c>EINVAL</c>. dup with a buffer opens that path (as <c>open</c> would) relative to nothing; call adds one to
/// every payload byte and answers payload length + first metadata word.</item>
/// </list>
/// Anything else is <c>ENOENT</c>. Driven by one request loop, like every scheme.
/// </summary>
[NoAlloc]
public sealed unsafe class ConformanceScheme : SchemeBase
{
    /// <summary>The most bytes <c>conf:file</c> holds.</summary>
    public const int FileCapacity = 256;

    /// <summary>Handles the scheme can have open at once.</summary>
    public const int MaxHandles = 64;

    private readonly HandleTable<ConformanceHandle> _handles = new(MaxHandles);
    private readonly byte[] _file = new byte[FileCapacity];
    private int _length;
    private ushort _mode = (ushort)(ModeFlags.File | (ModeFlags)0x1A4);   // rw-r--r--
    private uint _uid;
    private uint _gid;
    private long _mtime;
    private ConformanceStats _stats;

    /// <summary>What the scheme has seen so far (the caller fields are those of the last stats read).</summary>
    public ConformanceStats Stats => _stats;

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
        => OpenPath(path, flags);

    /// <inheritdoc/>
    public override OpenResult Dup(ulong id, ReadOnlySpan<byte> buffer, in CallerContext caller)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        _stats.Dups++;
        // An empty buffer never reaches a scheme in Redox (the kernel shares the description); answer it anyway.
        // A named dup opens that path with the handle's flags, minus O_TRUNC: duplicating never truncates.
        return buffer.IsEmpty ? OpenHandle(handle) : OpenPath(buffer, (OpenFlags)handle.Flags & ~OpenFlags.Truncate);
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        if (!found || (handle.Flags & (uint)OpenFlags.AccessMode) == (uint)OpenFlags.WriteOnly)
        {
            return Errno.EBADF;
        }
        if (handle.Kind == ConformanceHandleKind.Stats)
        {
            if (buffer.Length < ConformanceStats.Size)
            {
                return Errno.EINVAL;
            }
            _stats.CallerPid = caller.Pid;
            _stats.CallerUid = caller.Uid;
            _stats.CallerGid = caller.Gid;
            _stats.OpenHandles = (ulong)_handles.Count;
            MemoryMarshal.Write(buffer, in _stats);
            return SyscallResult.Ok(ConformanceStats.Size);
        }
        if (handle.Kind != ConformanceHandleKind.File)
        {
            return SyscallResult.Ok(0);
        }
        if (offset >= (ulong)_length)
        {
            return SyscallResult.Ok(0);
        }
        int n = _length - (int)offset;
        if (buffer.Length < n)
        {
            n = buffer.Length;
        }
        _file.AsSpan((int)offset, n).CopyTo(buffer);
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        if (!found || (handle.Flags & (uint)OpenFlags.AccessMode) == (uint)OpenFlags.ReadOnly || handle.Kind != ConformanceHandleKind.File)
        {
            return Errno.EBADF;
        }
        if (buffer.IsEmpty)
        {
            return SyscallResult.Ok(0);
        }
        if (offset >= FileCapacity)
        {
            return Errno.ENOSPC;
        }
        int n = FileCapacity - (int)offset;
        if (buffer.Length < n)
        {
            n = buffer.Length;
        }
        if ((int)offset > _length)
        {
            _file.AsSpan(_length, (int)offset - _length).Clear();   // a hole reads as zeros
        }
        buffer.Slice(0, n).CopyTo(_file.AsSpan((int)offset));
        if ((int)offset + n > _length)
        {
            _length = (int)offset + n;
        }
        if (PostEvent(id, EventFlags.Read))
        {
            _stats.EventsPosted++;
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
        => IsFile(id) ? SyscallResult.Ok((ulong)_length) : Errno.ESPIPE;

    /// <inheritdoc/>
    public override SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        stat.Mode = IsFile(id) ? _mode : (ushort)(ModeFlags.CharDevice | (ModeFlags)0x124);
        stat.Size = IsFile(id) ? (ulong)_length : 0;
        stat.Uid = _uid;
        stat.Gid = _gid;
        stat.Mtime = (ulong)_mtime;
        stat.BlkSize = 512;
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
        stat.BlockSize = 1;
        stat.Blocks = FileCapacity;
        stat.BlocksFree = (ulong)(FileCapacity - _length);
        stat.BlocksAvailable = stat.BlocksFree;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        ReadOnlySpan<byte> prefix = "conf:"u8;
        int n = 0;
        for (int i = 0; i < prefix.Length && n < buffer.Length; i++)
        {
            buffer[n++] = prefix[i];
        }
        for (int i = 0; i < handle.PathLength && n < buffer.Length; i++)
        {
            buffer[n++] = handle.Path[i];
        }
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fsync(ulong id, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        _stats.Fsyncs++;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Ftruncate(ulong id, ulong length, in CallerContext caller)
    {
        if (!IsFile(id))
        {
            return Errno.EBADF;
        }
        if (length > FileCapacity)
        {
            return Errno.EFBIG;
        }
        if ((int)length > _length)
        {
            _file.AsSpan(_length, (int)length - _length).Clear();
        }
        _length = (int)length;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fchmod(ulong id, ushort mode, in CallerContext caller)
    {
        if (!IsFile(id))
        {
            return Errno.EBADF;
        }
        _mode = (ushort)((ushort)ModeFlags.File | (mode & (ushort)ModeFlags.PermissionMask));
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fchown(ulong id, uint uid, uint gid, in CallerContext caller)
    {
        if (!IsFile(id))
        {
            return Errno.EBADF;
        }
        _uid = uid;
        _gid = gid;
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Futimens(ulong id, ReadOnlySpan<TimeSpec> times, in CallerContext caller)
    {
        if (!IsFile(id))
        {
            return Errno.EBADF;
        }
        if (times.Length == 2)
        {
            _mtime = times[1].Seconds;
        }
        return SyscallResult.Ok(0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fcntl(ulong id, ulong command, ulong argument, in CallerContext caller)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        _stats.LastFcntlCommand = command;
        _stats.LastFcntlArgument = argument;
        switch ((FcntlCommand)command)
        {
            case FcntlCommand.GetFl:
                return SyscallResult.Ok(handle.Flags);
            case FcntlCommand.SetFl:
                handle.Flags = (handle.Flags & (uint)OpenFlags.AccessMode) | ((uint)argument & ~(uint)OpenFlags.AccessMode);
                return SyscallResult.Ok(0);
            default:
                return Errno.EINVAL;
        }
    }

    /// <inheritdoc/>
    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        _stats.Fevents++;
        EventFlags ready = IsFile(id) && _length > 0 ? EventFlags.Read : EventFlags.None;
        return SyscallResult.Ok((ulong)(flags & ready));
    }

    /// <inheritdoc/>
    public override SyscallResult Call(ulong id, Span<byte> payload, ReadOnlySpan<byte> metadata, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        _stats.Calls++;
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i]++;
        }
        ulong first = metadata.Length >= 8 ? MemoryMarshal.Read<ulong>(metadata) : 0;
        return SyscallResult.Ok((ulong)payload.Length + first);
    }

    /// <inheritdoc/>
    public override void Cancel(uint tag, in CallerContext caller)
    {
        _stats.Cancels++;
        _stats.LastCancelTag = tag;
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
    {
        if (!_handles.Remove(id))
        {
            return Errno.EBADF;
        }
        _stats.Closes++;
        return SyscallResult.Ok(0);
    }

    private bool IsFile(ulong id)
    {
        ref ConformanceHandle handle = ref _handles.Get(id, out bool found);
        return found && handle.Kind == ConformanceHandleKind.File;
    }

    private OpenResult OpenPath(ReadOnlySpan<byte> path, OpenFlags flags)
    {
        ConformanceHandle handle = default;
        handle.Flags = (uint)flags;
        if (path.SequenceEqual("file"u8))
        {
            handle.Kind = ConformanceHandleKind.File;
            if ((flags & OpenFlags.Truncate) != 0)
            {
                _length = 0;
            }
        }
        else if (path.SequenceEqual("stats"u8))
        {
            handle.Kind = ConformanceHandleKind.Stats;
        }
        else if (path.Length > 5 && path.Slice(0, 5).SequenceEqual("echo/"u8) && path.Length <= ConformanceHandle.MaxPath)
        {
            handle.Kind = ConformanceHandleKind.Echo;
        }
        else
        {
            return Errno.ENOENT;
        }
        handle.PathLength = path.Length;
        for (int i = 0; i < path.Length; i++)
        {
            handle.Path[i] = path[i];
        }
        OpenResult opened = OpenHandle(handle);
        if (opened.Result.IsOk && handle.Kind != ConformanceHandleKind.Stats)   // reading the stats must not disturb them
        {
            _stats.LastOpenFlags = (ulong)flags;
        }
        return opened;
    }

    private OpenResult OpenHandle(in ConformanceHandle handle)
    {
        if (!_handles.TryAdd(in handle, out ulong id))
        {
            return Errno.EMFILE;
        }
        _stats.Opens++;
        return OpenResult.Handle(id, handle.Kind == ConformanceHandleKind.File ? NewFdFlags.Positioned : NewFdFlags.None);
    }
}
