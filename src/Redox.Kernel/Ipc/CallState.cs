namespace Redox.Kernel.Ipc;

/// <summary>Where one call slot of a scheme stands (see <see cref="SchemeCallTable{TWaiter}"/>).</summary>
public enum CallState : byte
{
    /// <summary>Unused: the next submitted call may take it.</summary>
    Free,
    /// <summary>Submitted; waiting for the driver to read it.</summary>
    Queued,
    /// <summary>Read by the driver; the client waits for the answer.</summary>
    Delivered,
    /// <summary>Answered (by the driver, or with EIO when the driver went away); the client has not collected it yet.</summary>
    Answered,
    /// <summary>The client gave up after the driver read it: the driver is told (a Cancel message) and the slot then freed.</summary>
    Cancelling,
}
