namespace Redox.Drivers.Ps2;

/// <summary>
/// The USB HID usage IDs (Keyboard/Keypad page 0x07, HID Usage Tables 1.4 §10) the driver treats specially,
/// and the bounds of the ranges it reports. Every key event carries one usage ID of that page.
/// </summary>
public static class HidUsage
{
    /// <summary>No key / unknown.</summary>
    public const byte None = 0x00;

    /// <summary>Keyboard A (the letters run 0x04-0x1D).</summary>
    public const byte A = 0x04;

    /// <summary>Keyboard Enter.</summary>
    public const byte Enter = 0x28;

    /// <summary>Keyboard Backslash (US); PS/2 gives the ISO "#~" key (0x32) the same scancode, so it is reported as this.</summary>
    public const byte Backslash = 0x31;

    /// <summary>Keyboard Caps Lock.</summary>
    public const byte CapsLock = 0x39;

    /// <summary>Keyboard Print Screen (also reported for Alt+Print Screen, "SysRq").</summary>
    public const byte PrintScreen = 0x46;

    /// <summary>Keyboard Scroll Lock.</summary>
    public const byte ScrollLock = 0x47;

    /// <summary>Keyboard Pause (also reported for Ctrl+Pause, "Break").</summary>
    public const byte Pause = 0x48;

    /// <summary>Keypad Num Lock.</summary>
    public const byte NumLock = 0x53;

    /// <summary>Keyboard Non-US "\|" (the 105th key of ISO layouts).</summary>
    public const byte NonUsBackslash = 0x64;

    /// <summary>Keyboard Application (the menu key).</summary>
    public const byte Application = 0x65;

    /// <summary>Keyboard Left Control: the modifiers run 0xE0-0xE7 (LCtrl, LShift, LAlt, LGUI, RCtrl, RShift, RAlt, RGUI).</summary>
    public const byte LeftControl = 0xE0;

    /// <summary>Keyboard Right GUI, the last modifier.</summary>
    public const byte RightGui = 0xE7;
}
