using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// An in-process Redox-style kernel for tests and benchmarks: a scheme registry, processes with
/// descriptor tables, <c>open("name:path")</c> routed to the scheme's driver, the <c>event:</c> scheme,
/// and a <see cref="SimulatedBus"/> for port and memory I/O. Drivers run in the caller's thread
/// (<see cref="RegisterInThread"/>) or in their own (<see cref="StartDriver"/>), always through the same
/// <see cref="Sqe"/>/<see cref="Cqe"/> structs. Kernels are independent; many may run at once.
/// The name table is the real kernel's <see cref="SchemeRegistry{TScheme}"/> (UTF-8 names, same rules), and a
/// threaded scheme's calls run through its <see cref="SchemeCallTable{TWaiter}"/>: one implementation of the IPC
/// semantics for both kernels.
/// </summary>
public sealed unsafe class HostedKernel : IDisposable
{
    private static int s_installed;

    /// <summary>How many schemes one hosted kernel holds.</summary>
    public const int MaxSchemes = 128;

    private readonly SchemeRegistry<SchemeEndpoint> _schemes = new(MaxSchemes);
    // Copy on write: queues open and close rarely, posts are frequent and walk a snapshot without a lock or a copy.
    private EventQueue[] _queues = [];
    private readonly List<HostedDriver> _drivers = new();
    private readonly List<ThreadedEndpoint> _threaded = new();
    private readonly object _gate = new();
    private long _nextPid = 1;

    /// <summary>A kernel; installs the hosted system-call back end into <see cref="Sys"/> (once per process).</summary>
    public HostedKernel()
    {
        Time = new HostedTime(this);
        Irq = new HostedIrq(this);
        Interrupts.Raised += Irq.Raise;
        EnsureInstalled();
    }

    /// <summary>How long a blocking call waits for a driver before it answers <c>ETIMEDOUT</c>, in ms (-1: forever).</summary>
    public int CallTimeoutMs { get; set; } = 10_000;

    /// <summary>The simulated devices; bound as <see cref="SimulatedBus.Current"/> on driver threads and during in-thread dispatch.</summary>
    public SimulatedBus Bus { get; } = new();

    /// <summary>The <c>time:</c> scheme.</summary>
    internal HostedTime Time { get; }

    /// <summary>The <c>irq:</c> scheme.</summary>
    internal HostedIrq Irq { get; }

    /// <summary>
    /// The machine's interrupt lines: a device model raises one (<c>Uart16550Model.ConnectInterrupt(kernel.Interrupts, 3)</c>,
    /// <c>new I8042Model(kernel.Interrupts)</c>) and the kernel's <c>irq:</c> scheme counts it for the drivers that have
    /// <c>irq:N</c> open, masks the line until they acknowledge, and posts EVENT_READ to the <c>event:</c> queues watching
    /// it. An edge on a masked line is latched and delivered when the line is unmasked, as the 8259 does.
    /// </summary>
    public SimulatedInterrupts Interrupts { get; } = new();

    /// <summary>Interrupts the <c>irq:</c> scheme counted on <paramref name="line"/> (those that came while a driver had it open).</summary>
    public ulong IrqCount(int line) => Irq.CountOf(line);

    /// <summary>True while <paramref name="line"/> is masked: nobody has <c>irq:N</c> open, or a counted interrupt waits for its acknowledgement.</summary>
    public bool IsIrqMasked(int line) => Irq.IsMasked(line);

    /// <summary>Installs <see cref="SyscallRouter.Entry"/> as the <see cref="Sys"/> back end, if not yet done.</summary>
    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            Sys.Install(&SyscallRouter.Entry);
        }
    }

    /// <summary>A new process with the given credentials.</summary>
    public HostedProcess CreateProcess(uint uid = 0, uint gid = 0)
        => new(this, (ulong)Interlocked.Increment(ref _nextPid), uid, gid);

    /// <summary>
    /// Registers <paramref name="scheme"/> as <paramref name="name"/>, dispatched synchronously in the calling thread.
    /// Throws <see cref="ArgumentException"/> for a name the kernel refuses (see
    /// <see cref="SchemeRegistry{TScheme}.IsValidName"/>) and <see cref="InvalidOperationException"/> when it is taken.
    /// </summary>
    public InThreadEndpoint RegisterInThread(string name, SchemeBase scheme)
    {
        var endpoint = new InThreadEndpoint(this, name, scheme);
        Errno errno = Register(Encoding.UTF8.GetBytes(name), endpoint);
        if (errno == Errno.EINVAL)
        {
            throw new ArgumentException("'" + name + "' is not a valid scheme name", nameof(name));
        }
        if (errno != 0)
        {
            throw new InvalidOperationException("scheme '" + name + "' cannot be registered: " + errno);
        }
        return endpoint;
    }

    /// <summary>
    /// Starts a driver thread that creates scheme <paramref name="name"/> (<c>open(":name")</c>) and serves
    /// <paramref name="scheme"/> with <see cref="SchemeServer"/>; returns once the scheme exists.
    /// </summary>
    public HostedDriver StartDriver(string name, SchemeBase scheme, int batch = 16)
    {
        var driver = new HostedDriver(this, name, scheme, batch);
        lock (_gate)
        {
            _drivers.Add(driver);
        }
        driver.Start();
        return driver;
    }

    /// <summary>The endpoint registered as <paramref name="name"/>, or null.</summary>
    public SchemeEndpoint? FindScheme(string name)
    {
        int length = Encoding.UTF8.GetByteCount(name);
        if (length > SchemeRegistry<SchemeEndpoint>.MaxNameLength)
        {
            return null;
        }
        Span<byte> bytes = stackalloc byte[length];
        Encoding.UTF8.GetBytes(name, bytes);
        return FindScheme(bytes);
    }

    internal SchemeEndpoint? FindScheme(ReadOnlySpan<byte> name)
    {
        lock (_gate)
        {
            return _schemes.Find(name);
        }
    }

    // open(":name"): the scheme is tied to the process whose thread opened it.
    internal ThreadedEndpoint? CreateThreadedScheme(ReadOnlySpan<byte> name, HostedProcess owner, out Errno errno)
    {
        var endpoint = new ThreadedEndpoint(this, Encoding.UTF8.GetString(name), owner);
        errno = Register(name, endpoint);
        if (errno != 0)
        {
            return null;
        }
        lock (_gate)
        {
            _threaded.Add(endpoint);
        }
        return endpoint;
    }

    private Errno Register(ReadOnlySpan<byte> name, SchemeEndpoint endpoint)
    {
        if (name.SequenceEqual("event"u8))
        {
            return Errno.EEXIST;     // the kernel's own event: scheme
        }
        lock (_gate)
        {
            return _schemes.Register(name, endpoint);
        }
    }

    internal void RemoveScheme(ThreadedEndpoint endpoint)
    {
        lock (_gate)
        {
            _schemes.Remove(endpoint, out _);
            _threaded.Remove(endpoint);
        }
        endpoint.Close();
    }

    /// <summary>A new <c>event:</c> queue, known to the kernel until <see cref="CloseQueue"/> so drivers' posts reach it.</summary>
    internal EventQueue OpenQueue()
    {
        var queue = new EventQueue();
        lock (_gate)
        {
            var grown = new EventQueue[_queues.Length + 1];
            _queues.CopyTo(grown, 0);
            grown[^1] = queue;
            Volatile.Write(ref _queues, grown);
        }
        return queue;
    }

    /// <summary>The last descriptor of <paramref name="queue"/> closed.</summary>
    internal void CloseQueue(EventQueue queue)
    {
        lock (_gate)
        {
            int index = Array.IndexOf(_queues, queue);
            if (index < 0)
            {
                return;
            }
            var shrunk = new EventQueue[_queues.Length - 1];
            Array.Copy(_queues, 0, shrunk, 0, index);
            Array.Copy(_queues, index + 1, shrunk, index, shrunk.Length - index);
            Volatile.Write(ref _queues, shrunk);
        }
    }

    /// <summary>
    /// Subscribes <paramref name="fd"/> (description <paramref name="watched"/>) in <paramref name="queue"/> (flags 0
    /// unsubscribes), then asks the scheme for its readiness now (fevent) and queues what is ready already, as the
    /// real kernel does. ENOSPC when the queue watches all it can.
    /// </summary>
    internal SyscallResult Subscribe(HostedProcess process, EventQueue queue, ulong fd, FileDescription watched, EventFlags flags, ulong data)
    {
        if (!queue.Subscribe(fd, watched, flags, data))
        {
            return Errno.ENOSPC;
        }
        if (flags == EventFlags.None || watched.Kind == DescriptorKind.Time)
        {
            return SyscallResult.Ok(0);         // a time: handle is ready only once a deadline passes
        }
        EventFlags now;
        if (watched.Kind == DescriptorKind.Irq)
        {
            now = Irq.Readiness(watched) & flags;
        }
        else if (watched.Kind == DescriptorKind.SchemeSocket)
        {
            now = ((ThreadedEndpoint)watched.Endpoint!).WatchSocket() & flags;
        }
        else
        {
            var ready = SyscallRouter.Fevent(process, watched, flags);
            if (ready.IsError)
            {
                return ready;
            }
            now = (EventFlags)(uint)ready.Value & flags;
        }
        if (now != EventFlags.None)
        {
            queue.Enqueue(new Event { Id = fd, Flags = (ulong)now, Data = data });
        }
        return SyscallResult.Ok(0);
    }

    /// <summary>The last descriptor of <paramref name="watched"/> closed: every queue forgets it.</summary>
    internal void Forget(FileDescription watched)
    {
        foreach (var queue in OpenQueues())
        {
            queue.Forget(watched);
        }
    }

    /// <summary>Readiness of a kernel-kept description (a <c>time:</c> handle whose deadline passed) for every queue watching it.</summary>
    internal void DeliverReadiness(FileDescription description, EventFlags flags) => PostAll(new DescriptionSource(description), flags);

    /// <summary>Delivers a scheme's readiness post to every queue subscribed to that handle (Redox's <c>SendFevent</c>).</summary>
    public void DeliverEvent(SchemeEndpoint endpoint, ulong handleId, EventFlags flags) => PostAll(new HandleSource(endpoint, handleId), flags);

    /// <summary>An interrupt counted on <paramref name="line"/>: queues watching an <c>irq:</c> description of it get EVENT_READ.</summary>
    internal void PostIrq(int line) => PostAll(new IrqSource(line), EventFlags.Read);

    /// <summary>Requests wait on <paramref name="endpoint"/>'s socket (or it closed): queues watching the socket get EVENT_READ.</summary>
    internal void PostSocket(ThreadedEndpoint endpoint) => PostAll(new SocketSource(endpoint), EventFlags.Read);

    /// <summary>
    /// Readiness <paramref name="flags"/> of whatever <paramref name="source"/> matches, for every open queue: one walk
    /// serves every kind of source, as the real kernel's <c>EventQueues.PostAll</c> does.
    /// </summary>
    private void PostAll<TSource>(in TSource source, EventFlags flags) where TSource : struct, IReadinessSource<FileDescription>
    {
        foreach (var queue in OpenQueues())
        {
            queue.Post(source, flags);
        }
    }

    /// <summary>A scheme's post for one of its handles.</summary>
    private readonly struct HandleSource(SchemeEndpoint endpoint, ulong handleId) : IReadinessSource<FileDescription>
    {
        public bool Matches(FileDescription watched)
            => watched.Kind == DescriptorKind.SchemeHandle && watched.Endpoint == endpoint && watched.HandleId == handleId;
    }

    /// <summary>An interrupt on one line, for its <c>irq:</c> descriptions.</summary>
    private readonly struct IrqSource(int line) : IReadinessSource<FileDescription>
    {
        public bool Matches(FileDescription watched) => watched.Kind == DescriptorKind.Irq && watched.HandleId == (ulong)line;
    }

    /// <summary>Requests waiting on one scheme's socket.</summary>
    private readonly struct SocketSource(ThreadedEndpoint endpoint) : IReadinessSource<FileDescription>
    {
        public bool Matches(FileDescription watched) => watched.Kind == DescriptorKind.SchemeSocket && watched.Endpoint == endpoint;
    }

    /// <summary>One description itself (a <c>time:</c> handle whose deadline passed).</summary>
    private readonly struct DescriptionSource(FileDescription description) : IReadinessSource<FileDescription>
    {
        public bool Matches(FileDescription watched) => watched == description;
    }

    private EventQueue[] OpenQueues() => Volatile.Read(ref _queues);

    /// <summary>
    /// Stops every driver thread (their schemes close, their clients get <c>EIO</c>), then closes every scheme still
    /// open (a hand-driven socket's blocked read returns 0), so nothing of this kernel waits on.
    /// </summary>
    public void Dispose()
    {
        HostedDriver[] drivers;
        lock (_gate)
        {
            drivers = _drivers.ToArray();
            _drivers.Clear();
        }
        foreach (var d in drivers)
        {
            d.Stop();
        }
        ThreadedEndpoint[] open;
        lock (_gate)
        {
            open = _threaded.ToArray();
        }
        foreach (var endpoint in open)
        {
            RemoveScheme(endpoint);
        }
        Time.Dispose();
    }
}
