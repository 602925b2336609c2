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

    private readonly List<FileDescription?> _descriptors = new();
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
                int n = 0;
                foreach (var d in _descriptors)
                {
                    n += d == null ? 0 : 1;
                }
                return n;
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

    /// <summary>Installs <paramref name="description"/> at the lowest free descriptor number.</summary>
    public ulong AddDescriptor(FileDescription description)
    {
        lock (_gate)
        {
            for (int i = 0; i < _descriptors.Count; i++)
            {
                if (_descriptors[i] == null)
                {
                    _descriptors[i] = description;
                    return (ulong)i;
                }
            }
            _descriptors.Add(description);
            return (ulong)(_descriptors.Count - 1);
        }
    }

    /// <summary>The description of descriptor <paramref name="fd"/>, or null.</summary>
    public FileDescription? GetDescriptor(ulong fd)
    {
        lock (_gate)
        {
            return fd < (ulong)_descriptors.Count ? _descriptors[(int)fd] : null;
        }
    }

    /// <summary>Removes descriptor <paramref name="fd"/> and returns what it referred to, or null.</summary>
    public FileDescription? RemoveDescriptor(ulong fd)
    {
        lock (_gate)
        {
            if (fd >= (ulong)_descriptors.Count)
            {
                return null;
            }
            var d = _descriptors[(int)fd];
            _descriptors[(int)fd] = null;
            return d;
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
