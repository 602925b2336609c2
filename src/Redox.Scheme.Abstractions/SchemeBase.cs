using System;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// A scheme driver: override the operations you support; every other one answers the errno Redox's
/// scheme traits answer by default (path operations <c>ENOENT</c>, operations on a handle <c>EBADF</c>,
/// <c>fsize</c> <c>ESPIPE</c>, operations new in protocol v2 <c>ENOSYS</c>). Buffers arrive as spans over
/// the caller's memory (the kernel validated them); results are counts or ids, errors are values.
/// <para>
/// lseek is not a scheme operation in protocol v2: the kernel keeps the offset of a positioned handle
/// (<see cref="NewFdFlags.Positioned"/>), passes it to <see cref="Read"/>/<see cref="Write"/>, and asks
/// <see cref="Fsize"/> for <c>SEEK_END</c>.
/// </para>
/// Dispatch (<see cref="SchemeDispatcher"/>) is allocation-free; keep overrides so too.
/// </summary>
[NoAlloc]
public abstract class SchemeBase
{
    /// <summary>A scheme whose readiness outbox holds up to <paramref name="eventCapacity"/> distinct handles.</summary>
    protected SchemeBase(int eventCapacity = 32)
    {
        Events = new EventOutbox(eventCapacity);
    }

    /// <summary>Readiness posts waiting to be sent (the request loop drains it after each batch).</summary>
    public EventOutbox Events { get; }

    /// <summary>
    /// Posts readiness for handle <paramref name="id"/> (<c>EVENT_READ</c>, <c>EVENT_WRITE</c>), delivered as a
    /// <c>SendFevent</c> response: the kernel wakes every event queue subscribed to that handle.
    /// </summary>
    protected bool PostEvent(ulong id, EventFlags flags) => Events.Post(id, flags);

    /// <summary><c>Open</c> (opcode 0): opens <paramref name="path"/> (UTF-8, validated, after <c>scheme:</c>). Default <c>ENOENT</c>.</summary>
    public virtual OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => Errno.ENOENT;

    /// <summary><c>Rmdir</c> (1). Default <c>ENOENT</c>.</summary>
    public virtual SyscallResult Rmdir(ReadOnlySpan<byte> path, in CallerContext caller) => Errno.ENOENT;

    /// <summary><c>Unlink</c> (2). Default <c>ENOENT</c>.</summary>
    public virtual SyscallResult Unlink(ReadOnlySpan<byte> path, in CallerContext caller) => Errno.ENOENT;

    /// <summary><c>Close</c> (3) and the one-way <c>CloseMsg</c> (27). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Close(ulong id, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Dup</c> (4): a new handle from <paramref name="id"/>; <paramref name="buffer"/> may name a sub-resource. Default <c>EBADF</c>.</summary>
    public virtual OpenResult Dup(ulong id, ReadOnlySpan<byte> buffer, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Read</c> (5): fills <paramref name="buffer"/> from <paramref name="offset"/>; the value is the count (0 = end). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Write</c> (6): writes <paramref name="buffer"/> at <paramref name="offset"/>; the value is the count. Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fsize</c> (7): the size, for <c>lseek(SEEK_END)</c>. Default <c>ESPIPE</c> (not seekable).</summary>
    public virtual SyscallResult Fsize(ulong id, in CallerContext caller) => Errno.ESPIPE;

    /// <summary><c>Fchmod</c> (8). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fchmod(ulong id, ushort mode, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fchown</c> (9). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fchown(ulong id, uint uid, uint gid, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fcntl</c> (10). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fcntl(ulong id, ulong command, ulong argument, in CallerContext caller) => Errno.EBADF;

    /// <summary>
    /// <c>Fevent</c> (11): the caller wants readiness <paramref name="flags"/> on <paramref name="id"/>. Answer the
    /// flags that are ready now; later readiness goes through <see cref="PostEvent"/>. Default <c>EBADF</c>.
    /// </summary>
    public virtual SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Sendfd</c> (12): the kernel offers a descriptor. Default <c>ENOSYS</c>.</summary>
    public virtual SyscallResult Sendfd(ulong id, ulong flags, ulong argument, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>Fpath</c> (13): writes the canonical <c>scheme:path</c>; the value is the count. Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Frename</c> (14). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Frename(ulong id, ReadOnlySpan<byte> path, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fstat</c> (15): fill <paramref name="stat"/> (it arrives zeroed). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fstatvfs</c> (16): fill <paramref name="stat"/> (it arrives zeroed). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fstatvfs(ulong id, ref StatVfs stat, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Fsync</c> (17). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Fsync(ulong id, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Ftruncate</c> (18). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Ftruncate(ulong id, ulong length, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Futimens</c> (19): access then modification time. Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Futimens(ulong id, ReadOnlySpan<TimeSpec> times, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>MmapPrep</c> (20): prepare <paramref name="size"/> bytes at <paramref name="offset"/> for mapping; the value is the address. Default <c>EBADF</c>.</summary>
    public virtual SyscallResult MmapPrep(ulong id, ulong offset, ulong size, MapFlags flags, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Mremap</c> (22). Default <c>ENOSYS</c>.</summary>
    public virtual SyscallResult Mremap(ulong id, ulong offset, ulong oldSize, ulong newSize, ulong flags, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>Munmap</c> (23). Default <c>EBADF</c>.</summary>
    public virtual SyscallResult Munmap(ulong id, ulong offset, ulong size, ulong flags, in CallerContext caller) => Errno.EBADF;

    /// <summary><c>Msync</c> (24). Default <c>ENOSYS</c>.</summary>
    public virtual SyscallResult Msync(ulong id, ulong offset, ulong size, ulong flags, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>Cancel</c> (25, one-way): the request tagged <paramref name="tag"/> is no longer wanted. Default: nothing.</summary>
    public virtual void Cancel(uint tag, in CallerContext caller)
    {
    }

    /// <summary>
    /// <c>Getdents</c> (26): fill <paramref name="buffer"/> with <see cref="DirentHeader"/> records (name, NUL)
    /// starting after <paramref name="opaqueOffset"/>; the value is the bytes written. Default <c>ENOSYS</c>.
    /// </summary>
    public virtual SyscallResult Getdents(ulong id, Span<byte> buffer, ulong opaqueOffset, in CallerContext caller) => Errno.ENOSYS;

    /// <summary>
    /// <c>Call</c> (28): a scheme-defined call; <paramref name="payload"/> is in/out; <paramref name="metadata"/> is
    /// the three metadata words the kernel carries inline in the request (24 bytes, unused words 0). Default <c>ENOSYS</c>.
    /// </summary>
    public virtual SyscallResult Call(ulong id, Span<byte> payload, ReadOnlySpan<byte> metadata, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>OpenAt</c> (29): open <paramref name="path"/> relative to handle <paramref name="id"/>. Default <c>ENOSYS</c>.</summary>
    public virtual OpenResult OpenAt(ulong id, ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>Flink</c> (30). Default <c>ENOSYS</c>.</summary>
    public virtual SyscallResult Flink(ulong id, ReadOnlySpan<byte> path, in CallerContext caller) => Errno.ENOSYS;

    /// <summary><c>Recvfd</c> (31): hand the kernel a descriptor. Default <c>ENOSYS</c>.</summary>
    public virtual SyscallResult Recvfd(ulong id, ulong flags, in CallerContext caller) => Errno.ENOSYS;
}
