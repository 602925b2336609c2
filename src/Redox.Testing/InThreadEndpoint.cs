using System;
using Redox.Kernel.Ipc;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// Synchronous dispatch for unit tests: the caller's thread runs the driver directly, one request at a
/// time, through the same <see cref="SchemeDispatcher"/> and the same structs, and through the kernel's call state
/// machine (<see cref="SchemeCallTable{TWaiter}"/>: tags, EIO once closed) driven in one thread. A throwing driver is
/// killed and its caller, and every later one, gets <c>EIO</c>.
/// </summary>
public sealed class InThreadEndpoint : SchemeEndpoint
{
    private readonly object _gate = new();
    private static readonly object s_noWaiter = new();
    private readonly Cqe[] _events = new Cqe[32];
    // Enough for a driver that calls its own scheme from inside a request a few levels deep.
    private readonly SchemeCallTable<object> _calls = new(16);

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
            Errno submitted = _calls.Submit(in request, s_noWaiter, out int slot);
            if (submitted != 0)
            {
                return Cqe.Respond(0, submitted);
            }
            Span<Sqe> delivered = stackalloc Sqe[1];
            _calls.Receive(delivered);
            SimulatedBus? previous = SimulatedBus.Current;
            SimulatedBus.Current = Kernel.Bus;
            try
            {
                if (SchemeDispatcher.Dispatch(Scheme, in delivered[0], UserMemoryWindow.Unrestricted, out Cqe response))
                {
                    _calls.Complete(in response, out _);
                }
                else
                {
                    _calls.Complete(Cqe.Respond(delivered[0].Tag, SyscallResult.Ok(0)), out _);
                }
                PumpEvents();
            }
            catch (Exception e)
            {
                Kill(e);
            }
            finally
            {
                SimulatedBus.Current = previous;
            }
            _calls.Collect(slot, out Cqe answer);
            return answer;
        }
    }

    /// <inheritdoc/>
    public override void Kill(Exception? fault)
    {
        lock (_gate)
        {
            base.Kill(fault);
            _calls.Close();   // the call in progress answers EIO; later ones are refused with EIO
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
