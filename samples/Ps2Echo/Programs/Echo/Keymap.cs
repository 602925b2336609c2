using Redox.Drivers.Ps2;

/// <summary>
/// HID usages (Keyboard/Keypad page, HID Usage Tables §10) to the characters of a US layout: what the driver
/// reports is layout-independent, so a layout is the client's business, as it is on a USB keyboard.
/// </summary>
public static class Keymap
{
    private const byte Shift = 0x22;               // left (bit 1) or right (bit 5) shift in the HID modifier byte

    // Usages 0x1E-0x38, unshifted and shifted (0x28-0x2B are Enter, Escape, Backspace, Tab: handled by the caller).
    private static ReadOnlySpan<byte> Plain => "1234567890\0\0\0\0 -=[]\\\0;'`,./"u8;
    private static ReadOnlySpan<byte> Shifted => "!@#$%^&*()\0\0\0\0 _+{}|\0:\"~<>?"u8;
    private static ReadOnlySpan<byte> Keypad => "/*-+\01234567890."u8;   // 0x54-0x63; 0x58 is keypad Enter

    /// <summary>The character <paramref name="key"/> types, or 0 when it types none (a modifier, an arrow...).</summary>
    public static byte Character(in KeyEvent key)
    {
        int usage = key.Usage;
        bool shift = (key.Modifiers & Shift) != 0;
        if (usage >= 0x04 && usage <= 0x1D)
        {
            bool upper = shift ^ ((key.Locks & LockState.CapsLock) != 0);
            return (byte)((upper ? 'A' : 'a') + usage - 0x04);
        }
        if (usage >= 0x1E && usage <= 0x38) return (shift ? Shifted : Plain)[usage - 0x1E];
        if (usage >= 0x54 && usage <= 0x63)
        {
            bool digits = usage < 0x59 || (key.Locks & LockState.NumLock) != 0;
            return digits ? Keypad[usage - 0x54] : (byte)0;
        }
        return 0;
    }
}
