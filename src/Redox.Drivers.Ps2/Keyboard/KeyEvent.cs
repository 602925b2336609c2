using System.Runtime.InteropServices;

namespace Redox.Drivers.Ps2;

/// <summary>
/// One record read from <c>ps2:keyboard</c>: 24 bytes, little-endian, no padding.
/// <code>
/// offset size field
///  0     4    Sequence    per-device counter; a gap means records were dropped (see Dropped)
///  4     2    Usage       USB HID usage ID, Keyboard/Keypad page 0x07 (0x04 = A ... 0xE7 = Right GUI)
///  6     1    Kind        1 down, 2 up, 3 typematic repeat
///  7     1    Modifiers   HID modifier byte after this event: bit n = usage 0xE0 + n is down
///  8     1    Locks       after this event: bit 0 Num Lock, bit 1 Caps Lock, bit 2 Scroll Lock
///  9     1    Set         scancode set of Raw: 1 (translated) or 2
/// 10     1    RawLength   bytes used in Raw (1..8)
/// 11     1    Reserved    0
/// 12     8    Raw         the scancode bytes of this event as received (incl. E0/E1/F0 prefixes)
/// 20     4    Dropped     records lost to queue overflow just before this one
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public unsafe struct KeyEvent
{
    /// <summary>The size of the record.</summary>
    public const int Size = 24;

    /// <summary>Per-device sequence number.</summary>
    public uint Sequence;

    /// <summary>HID usage ID (page 0x07).</summary>
    public ushort Usage;

    /// <summary>Down, up or repeat.</summary>
    public KeyEventKind Kind;

    /// <summary>HID modifier byte after this event.</summary>
    public byte Modifiers;

    /// <summary>Locks on after this event.</summary>
    public LockState Locks;

    /// <summary>Scancode set of <see cref="Raw"/>.</summary>
    public ScancodeSet Set;

    /// <summary>Bytes used in <see cref="Raw"/>.</summary>
    public byte RawLength;

    /// <summary>Zero.</summary>
    public byte Reserved;

    /// <summary>The scancode bytes as received.</summary>
    public fixed byte Raw[8];

    /// <summary>Records dropped just before this one.</summary>
    public uint Dropped;
}
