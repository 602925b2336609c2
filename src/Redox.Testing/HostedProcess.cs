using Redox.Kernel.Ipc;
using System;
using System.Collections.Generic;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A process of the hosted kernel: an identity (pid, uid, gid) and a descriptor table. A thread acts as
/// the process while bound to it (<see cref="Enter"/>); its <c>Sys.*</c> calls then land in this table.
/// The process is alive while a live thread is bound to it (<see cref="IsAlive"/>): that is what a scheme it created
/// lives as long as, the hosted form of "a driver process exits and its scheme goes".
/// </summary>
public sealed class HostedProcess
{
    [ThreadStatic]
    private static HostedProcess? t_current;

    /// <summary>Descriptors per hosted process (the real kernel's are fewer: <c>Process.DescriptorCapacity</c>).</summary>
    public const int DescriptorCapacity = 1024;

    // The descriptor table is the real kernel's (Redox.Kernel.Ipc), under this process's lock.
    private readonly DescriptorTable<FileDescription> _descriptors = new(DescriptorCapacity);
    private readonly List<Thread> _threads = new();
    private readonly object _gate = new();

    internal HostedProcess(HostedKernel kernel, ulong pid, uint uid, uint gid)
    {
        Kernel = kernel;
        Pid = pid;
        Uid = uid;
        Gid = gid;
    }

    /// <summary>The process the current thread acts as, if any.</summary>
    public static HostedProcess? Current => t_current;

    /// <summary>The kernel.</summary>
    public HostedKernel Kernel { get; }

    /// <summary>Process id (the <c>caller</c> of its requests).</summary>
    public ulong Pid { get; }

    /// <summary>User id.</summary>
    public uint Uid { get; }

    /// <summary>Group id.</summary>
    public uint Gid { get; }

    /// <summary>
    /// True while at least one thread is bound to the process (inside <see cref="Enter"/>'s scope, or
    /// <see cref="Run(Action)"/>) and still running. A thread that leaves its scope, throws out of it or ends
    /// no longer counts.
    /// </summary>
    public bool IsAlive
    {
        get
        {
            lock (_gate)
            {
                foreach (var thread in _threads)
                {
                    if (thread.IsAlive)
                    {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /// <summary>Open descriptors.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _descriptors.Count;
            }
        }
    }

    /// <summary>Binds the current thread to this process until the scope is disposed (nesting restores the previous one).</summary>
    public IDisposable Enter()
    {
        HostedKernel.EnsureInstalled();
        var scope = new Scope(this, t_current);
        lock (_gate)
        {
            _threads.RemoveAll(t => !t.IsAlive);   // threads that ended inside a scope they never left
            _threads.Add(scope.Thread);
        }
        t_current = this;
        return scope;
    }

    /// <summary>Runs <paramref name="action"/> on the current thread as this process.</summary>
    public void Run(Action action)
    {
        using (Enter())
        {
            action();
        }
    }

    /// <summary>Runs <paramref name="func"/> on the current thread as this process.</summary>
    public T Run<T>(Func<T> func)
    {
        using (Enter())
        {
            return func();
        }
    }

    /// <summary>
    /// Installs <paramref name="description"/> at the lowest free descriptor number. Throws
    /// <see cref="InvalidOperationException"/> when all <see cref="DescriptorCapacity"/> are in use (the system calls answer
    /// EMFILE instead).
    /// </summary>
    public ulong AddDescriptor(FileDescription description)
        => TryAddDescriptor(description, out ulong fd) ? fd : throw new InvalidOperationException("the descriptor table is full (EMFILE)");

    internal bool TryAddDescriptor(FileDescription description, out ulong fd)
    {
        lock (_gate)
        {
            int added = _descriptors.Add(description);
            fd = added < 0 ? 0 : (ulong)added;
            return added >= 0;
        }
    }

    /// <summary>The description of descriptor <paramref name="fd"/>, or null.</summary>
    public FileDescription? GetDescriptor(ulong fd)
    {
        lock (_gate)
        {
            return _descriptors.Get(fd);
        }
    }

    /// <summary>
    /// Removes descriptor <paramref name="fd"/> and returns what it referred to, or null. The description's reference
    /// count drops with it (the table is the real kernel's); it is released when that reaches 0.
    /// </summary>
    public FileDescription? RemoveDescriptor(ulong fd) => RemoveDescriptor(fd, out _);

    internal FileDescription? RemoveDescriptor(ulong fd, out bool lastReference)
    {
        lock (_gate)
        {
            FileDescription? description = _descriptors.Get(fd);
            lastReference = _descriptors.Remove(fd, out FileDescription? released) && released is not null;
            return description;
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly HostedProcess _process;
        private readonly HostedProcess? _previous;
        private bool _done;

        public Scope(HostedProcess process, HostedProcess? previous)
        {
            _process = process;
            _previous = previous;
        }

        public Thread Thread { get; } = Thread.CurrentThread;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                t_current = _previous;
                lock (_process._gate)
                {
                    _process._threads.Remove(Thread);
                }
            }
        }
    }
}
