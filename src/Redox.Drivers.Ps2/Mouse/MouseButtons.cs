using System;

namespace Redox.Drivers.Ps2;

/// <summary>Mouse buttons held, as in <see cref="MouseEvent.Buttons"/>.</summary>
[Flags]
public enum MouseButtons : byte
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Left (packet byte 0 bit 0).</summary>
    Left = 0x01,

    /// <summary>Right (byte 0 bit 1).</summary>
    Right = 0x02,

    /// <summary>Middle (byte 0 bit 2).</summary>
    Middle = 0x04,

    /// <summary>Button 4, "back" (IntelliMouse Explorer, ID 4: byte 3 bit 4).</summary>
    Button4 = 0x08,

    /// <summary>Button 5, "forward" (ID 4: byte 3 bit 5).</summary>
    Button5 = 0x10,
}
