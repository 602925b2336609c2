using System.Runtime.InteropServices;

namespace Redox.Drivers.Ps2;

/// <summary>
/// One record read from <c>ps2:mouse</c>, one per movement packet: 16 bytes, little-endian, no padding.
/// <code>
/// offset size field
///  0     4    Sequence   per-device counter; a gap means records were dropped (see Dropped)
///  4     2    Dx         signed motion, +x to the right (9-bit range -256..255)
///  6     2    Dy         signed motion, +y away from the user ("up"), as the device reports it
///  8     1    Wheel      signed wheel steps as the device reports them (ID 3: -128..127, ID 4: -8..7; 0 for ID 0)
///  9     1    Buttons    MouseButtons: bit 0 left, 1 right, 2 middle, 3 button 4, 4 button 5
/// 10     1    DeviceId   0 standard, 3 IntelliMouse (wheel), 4 IntelliMouse Explorer (wheel + 5 buttons)
/// 11     1    Reserved   0
/// 12     4    Dropped    records lost to queue overflow just before this one
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct MouseEvent
{
    /// <summary>The size of the record.</summary>
    public const int Size = 16;

    /// <summary>Per-device sequence number.</summary>
    public uint Sequence;

    /// <summary>Horizontal motion.</summary>
    public short Dx;

    /// <summary>Vertical motion (+ = up).</summary>
    public short Dy;

    /// <summary>Wheel steps (0 for a device without a wheel).</summary>
    public sbyte Wheel;

    /// <summary>Buttons held.</summary>
    public MouseButtons Buttons;

    /// <summary>The device ID the packet was decoded for.</summary>
    public byte DeviceId;

    /// <summary>Zero.</summary>
    public byte Reserved;

    /// <summary>Records dropped just before this one.</summary>
    public uint Dropped;
}
