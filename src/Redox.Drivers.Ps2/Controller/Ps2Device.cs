namespace Redox.Drivers.Ps2;

/// <summary>
/// Commands and answers common to PS/2 keyboards and mice (IBM PS/2 Hardware Interface Technical
/// Reference, "Keyboard/Auxiliary Device Controller"; OSDev "PS/2 Keyboard", "PS/2 Mouse").
/// </summary>
public static class Ps2Device
{
    /// <summary>Reset and self-test: answers <see cref="Ack"/>, then <see cref="SelfTestPassed"/> (a mouse adds its ID, 0x00).</summary>
    public const byte Reset = 0xFF;

    /// <summary>Resend the last byte (host to device), or "send that again" (device to host).</summary>
    public const byte Resend = 0xFE;

    /// <summary>Restore defaults.</summary>
    public const byte SetDefaults = 0xF6;

    /// <summary>Stop sending scancodes / movement packets.</summary>
    public const byte DisableScanning = 0xF5;

    /// <summary>Start sending scancodes / movement packets.</summary>
    public const byte EnableScanning = 0xF4;

    /// <summary>Keyboard: typematic rate and delay. Mouse: sample rate (next byte, samples per second).</summary>
    public const byte SetRate = 0xF3;

    /// <summary>Identify: <see cref="Ack"/> then 0-2 ID bytes (keyboard 0xAB 0x83, or 0xAB 0x41 translated; mouse 0x00/0x03/0x04).</summary>
    public const byte Identify = 0xF2;

    /// <summary>Keyboard: get/set scancode set (next byte: 0 = get, 1-3 = set).</summary>
    public const byte ScancodeSet = 0xF0;

    /// <summary>Echo (keyboard answers 0xEE).</summary>
    public const byte Echo = 0xEE;

    /// <summary>Keyboard: set LEDs (next byte: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock).</summary>
    public const byte SetLeds = 0xED;

    /// <summary>Mouse: set resolution (next byte 0-3 = 1, 2, 4, 8 counts per mm).</summary>
    public const byte SetResolution = 0xE8;

    /// <summary>Command acknowledged.</summary>
    public const byte Ack = 0xFA;

    /// <summary>Self-test passed (after <see cref="Reset"/>).</summary>
    public const byte SelfTestPassed = 0xAA;

    /// <summary>Self-test failed (one of two codes).</summary>
    public const byte SelfTestFailed1 = 0xFC;

    /// <summary>Self-test failed (the other code).</summary>
    public const byte SelfTestFailed2 = 0xFD;

    /// <summary>Key detection error or buffer overrun (set 2/3; set 1 uses 0xFF too).</summary>
    public const byte Overrun = 0x00;

    /// <summary>Key detection error or buffer overrun (set 1).</summary>
    public const byte OverrunSet1 = 0xFF;
}
