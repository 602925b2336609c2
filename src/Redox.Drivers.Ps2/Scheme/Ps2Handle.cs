namespace Redox.Drivers.Ps2;

/// <summary>Per-handle state of <c>ps2:</c>: which device the handle streams.</summary>
public struct Ps2Handle
{
    /// <summary>The device: <see cref="Ps2Port.First"/> for the keyboard, <see cref="Ps2Port.Second"/> for the mouse.</summary>
    public Ps2Port Device;
}
