namespace Redox.Testing;

/// <summary>
/// What a driver waiting at an <see cref="EndpointGate"/> polls besides the gate's own <c>Pending</c> flag: whether a
/// client has published a call that the lock holder has not admitted yet (<see cref="DelegatedCalls"/>).
/// </summary>
internal interface IGateWork
{
    /// <summary>True when a call waits to be admitted. Read without the lock: a stale answer only costs a look.</summary>
    bool HasWork();
}
