using System;
using System.Collections.Generic;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A process of the hosted kernel: an identity (pid, uid, gid) and a descriptor table. A thread acts as
/// the process while bound to it (<see cref="Enter"/>); its <c>Sys.*</c> calls then land in this table.
/// </summary>
public sealed class HostedProcess
{
    [ThreadStatic]
    private static HostedProcess? t_current;

    private readonly List<FileDescription?> _descriptors = new();
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
        var scope = new Scope(t_current);
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
        private readonly HostedProcess? _previous;
        private bool _done;

        public Scope(HostedProcess? previous)
        {
            _previous = previous;
        }

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                t_current = _previous;
            }
        }
    }
}
