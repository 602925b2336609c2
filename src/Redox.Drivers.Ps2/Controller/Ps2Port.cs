namespace Redox.Drivers.Ps2;

/// <summary>The two device ports of an i8042.</summary>
public enum Ps2Port : byte
{
    /// <summary>The first port (normally the keyboard, IRQ 1).</summary>
    First = 1,

    /// <summary>The second, auxiliary port (normally the mouse, IRQ 12); commands go through 0xD4.</summary>
    Second = 2,
}
