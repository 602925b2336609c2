using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Kernel.Syscalls;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// The user schemes that exist: created by a driver's <c>open(":name", O_CREAT)</c>, found by every
/// <c>open("name:path")</c>, closed when the driver closes its socket or ends (its clients then get EIO, new opens
/// ENODEV). All state changes happen with interrupts off (one CPU), the lock <see cref="SchemeRegistry{TScheme}"/>
/// and <see cref="SchemeCallTable{TWaiter}"/> expect.
/// </summary>
public static unsafe class UserSchemes
{
    /// <summary>Schemes that can exist at once.</summary>
    public const int Capacity = 32;

    private static SchemeRegistry<UserScheme>? s_registry;

    /// <summary>Schemes registered now.</summary>
    public static int Count => s_registry is null ? 0 : s_registry.Count;

    /// <summary>open(":name", flags): creates scheme <paramref name="name"/> served by <paramref name="owner"/>; the value is its socket.</summary>
    public static SyscallResult Create(Process owner, ReadOnlySpan<byte> name, uint flags)
    {
        if ((flags & (uint)OpenFlags.Create) == 0) return Errno.ENOENT;      // ":name" without O_CREAT names nothing
        if (!SchemeRegistry<UserScheme>.IsValidName(name)) return Errno.EINVAL;
        // The kernel's own schemes cannot be taken over.
        if (name.SequenceEqual("debug"u8) || name.SequenceEqual("initfs"u8) || name.SequenceEqual("event"u8) || name.SequenceEqual("irq"u8) ||
            name.SequenceEqual("memory"u8)) return Errno.EEXIST;
        // A driver whose manifest names its scheme may create that one only.
        if (owner.SchemeGrantLength != 0 && !name.SequenceEqual(owner.SchemeGrant)) return Errno.EACCES;
        using (InterruptGuard.Enter())
        {
            s_registry ??= new SchemeRegistry<UserScheme>(Capacity);
            if (s_registry.Find(name) is not null) return Errno.EEXIST;
        }
        const ulong bufferBytes = UserScheme.CallCapacity * UserScheme.BufferSize;
        SyscallResult buffers = MemoryCalls.MapAnonymous(owner, bufferBytes, writable: true);
        if (buffers.IsError) return buffers;
        UserScheme scheme = new UserScheme(owner, buffers.Value);
        KernelFile socket = new KernelFile(KernelFileKind.SchemeSocket, flags, scheme, 0, positioned: false);
        Errno error;
        int fd = -1;
        using (InterruptGuard.Enter())
        {
            error = s_registry.Register(name, scheme);
            if (error == 0)
            {
                fd = owner.Files.Add(socket);
                if (fd < 0)
                {
                    s_registry.Remove(scheme, out byte[]? stored);
                    if (stored is not null) Heap.Free(stored);
                    error = Errno.EMFILE;
                }
            }
        }
        if (error == 0) return SyscallResult.Ok((ulong)fd);
        MemoryCalls.UnmapOwned(owner, buffers.Value, bufferBytes);
        Heap.Free(socket);
        FreeScheme(scheme);
        return error;
    }

    /// <summary>The scheme named <paramref name="name"/>, or null.</summary>
    public static UserScheme? Find(ReadOnlySpan<byte> name)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return s_registry?.Find(name);
    }

    /// <summary>A new description of handle <paramref name="handleId"/> of <paramref name="scheme"/> (it takes a reference).</summary>
    public static KernelFile NewHandle(UserScheme scheme, uint flags, ulong handleId, bool positioned)
    {
        using (InterruptGuard.Enter()) scheme.References++;
        return new KernelFile(KernelFileKind.SchemeHandle, flags, scheme, handleId, positioned);
    }

    /// <summary>
    /// The last descriptor of a socket or handle went (close, or its process ended). A socket closes its scheme; a
    /// handle tells the driver (a one-way CloseMsg, as Redox's kernel sends). Either drops its reference.
    /// </summary>
    public static void Release(KernelFile file)
    {
        UserScheme? scheme = file.Scheme;
        if (scheme is null) return;
        using InterruptGuard guard = InterruptGuard.Enter();
        if (file.Kind == KernelFileKind.SchemeSocket) Close(scheme);
        else if (!scheme.Calls.IsClosed)
        {
            Sqe close = default;
            close.Opcode = Opcode.CloseMsg;
            close.Flags = SqeFlags.OneWay;
            close.Arg0 = file.HandleId;
            Process? closer = Threads.CurrentProcess;
            close.Caller = closer is null ? 0 : (ulong)closer.Id;
            if (scheme.Calls.Submit(close, Threads.Current, out _) != 0) scheme.LostCloses++;
            else WakeReader(scheme);
        }
        Unreference(scheme);
    }

    /// <summary>The driver is gone or closed its socket: unregister, fail every call in flight with EIO, wake their clients.</summary>
    private static void Close(UserScheme scheme)
    {
        if (s_registry is not null && s_registry.Remove(scheme, out byte[]? name) && name is not null) Heap.Free(name);
        Process? owner = scheme.Owner;
        scheme.Owner = null;
        scheme.Reader = null;
        if (scheme.Calls.Close() > 0)
        {
            while (scheme.Calls.TakeFailed(out KernelThread? client))
            {
                if (client is not null) Threads.Wake(client);
            }
        }
        // The driver may live on without its scheme: give its call buffers back.
        if (owner is not null) MemoryCalls.UnmapOwned(owner, scheme.Buffers, UserScheme.CallCapacity * UserScheme.BufferSize);
    }

    /// <summary>Wakes the driver thread waiting on its socket, if one is (a message is queued for it).</summary>
    internal static void WakeReader(UserScheme scheme)
    {
        KernelThread? reader = scheme.Reader;
        if (reader is null)
        {
            EventQueues.PostSocket(scheme);
            return;
        }
        scheme.Reader = null;
        Threads.Wake(reader);
    }

    private static void Unreference(UserScheme scheme)
    {
        if (--scheme.References > 0) return;
        FreeScheme(scheme);
    }

    private static void FreeScheme(UserScheme scheme)
    {
        scheme.Calls.FreeStorage(&FreeObject);
        Heap.Free(scheme.Calls);
        Heap.Free(scheme.Transfers);
        Heap.Free(scheme);
    }

    private static void FreeObject(object storage) => Heap.Free(storage);
}
