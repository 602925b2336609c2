using System;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// Synchronous dispatch for unit tests: the caller's thread runs the driver directly, one request at a
/// time, through the same <see cref="SchemeDispatcher"/> and the same structs. A throwing driver is killed
/// and its caller, and every later one, gets <c>EIO</c>.
/// </summary>
public sealed class InThreadEndpoint : SchemeEndpoint
{
    private readonly object _gate = new();
    private readonly Cqe[] _events = new Cqe[32];
    private uint _nextTag;

    /// <summary>Serves <paramref name="scheme"/> as <paramref name="name"/> in <paramref name="kernel"/>.</summary>
    public InThreadEndpoint(HostedKernel kernel, string name, SchemeBase scheme)
        : base(kernel, name)
    {
        Scheme = scheme;
    }

    /// <summary>The driver.</summary>
    public SchemeBase Scheme { get; }

    /// <inheritdoc/>
    public override Cqe Call(in Sqe request)
    {
        lock (_gate)
        {
            Sqe sqe = request;
            sqe.Tag = ++_nextTag;
            if (IsDead)
            {
                return Eio(sqe.Tag);
            }
            SimulatedBus? previous = SimulatedBus.Current;
            SimulatedBus.Current = Kernel.Bus;
            try
            {
                SchemeDispatcher.Dispatch(Scheme, in sqe, UserMemoryWindow.Unrestricted, out Cqe response);
                PumpEvents();
                return response;
            }
            catch (Exception e)
            {
                Kill(e);
                return Eio(sqe.Tag);
            }
            finally
            {
                SimulatedBus.Current = previous;
            }
        }
    }

    /// <summary>Delivers readiness the driver posted outside a request (from a test or a device thread).</summary>
    public void PumpEvents()
    {
        int n;
        while ((n = Scheme.Events.Drain(_events)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                Kernel.DeliverEvent(this, _events[i].Result, (EventFlags)_events[i].Tag);
            }
        }
    }
}
