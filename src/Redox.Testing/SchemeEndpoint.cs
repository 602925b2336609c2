using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The kernel's side of one registered scheme: it carries a request to the driver and its answer back.
/// A dead endpoint (the driver threw, exited or was stopped) answers <c>EIO</c> to every call.
/// </summary>
public abstract class SchemeEndpoint
{
    private volatile bool _dead;

    /// <summary>An endpoint for scheme <paramref name="name"/> in <paramref name="kernel"/>.</summary>
    protected SchemeEndpoint(HostedKernel kernel, string name)
    {
        Kernel = kernel;
        Name = name;
    }

    /// <summary>The kernel the scheme is registered in.</summary>
    public HostedKernel Kernel { get; }

    /// <summary>The scheme name (without the colon).</summary>
    public string Name { get; }

    /// <summary>True once the driver is gone; every call answers <c>EIO</c>.</summary>
    public bool IsDead => _dead;

    /// <summary>The exception that killed the driver, if one did.</summary>
    public System.Exception? Fault { get; private set; }

    /// <summary>Sends <paramref name="request"/> (its tag is assigned here) and waits for the answer.</summary>
    public abstract Cqe Call(in Sqe request);

    /// <summary>Marks the driver dead and fails everything in flight with <c>EIO</c>.</summary>
    public virtual void Kill(System.Exception? fault)
    {
        Fault ??= fault;
        _dead = true;
    }

    /// <summary>An <c>EIO</c> answer for <paramref name="tag"/>.</summary>
    protected static Cqe Eio(uint tag) => Cqe.Respond(tag, Errno.EIO);
}
