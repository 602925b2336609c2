namespace Redox.Drivers.Ps2;

/// <summary>
/// Which keys are down, the modifier byte and the lock state. A make code for a key already down is a
/// typematic repeat (the keyboard repeats the make code while the key is held; there is no separate repeat
/// code). Lock keys toggle on their down event only, never on repeats.
/// </summary>
public unsafe struct KeyboardState
{
    private fixed ulong _down[4];

    /// <summary>The HID modifier byte: bit n is usage 0xE0 + n.</summary>
    public byte Modifiers { get; private set; }

    /// <summary>Locks that are on.</summary>
    public LockState Locks { get; set; }

    /// <summary>True when <paramref name="usage"/> is down.</summary>
    public readonly bool IsDown(byte usage) => (_down[usage >> 6] & (1UL << (usage & 63))) != 0;

    /// <summary>
    /// Applies <paramref name="stroke"/>: fills the kind, usage, modifiers and locks of <paramref name="e"/>.
    /// The value is true when the lock state changed (the LEDs must follow).
    /// </summary>
    public bool Apply(in KeyStroke stroke, ref KeyEvent e)
    {
        byte usage = stroke.Usage;
        ulong bit = 1UL << (usage & 63);
        int word = usage >> 6;
        bool locksChanged = false;
        if (stroke.Break)
        {
            _down[word] &= ~bit;
            e.Kind = KeyEventKind.Up;
        }
        else if ((_down[word] & bit) != 0)
        {
            e.Kind = KeyEventKind.Repeat;
        }
        else
        {
            _down[word] |= bit;
            e.Kind = KeyEventKind.Down;
            LockState toggled = usage == HidUsage.NumLock ? LockState.NumLock
                : usage == HidUsage.CapsLock ? LockState.CapsLock
                : usage == HidUsage.ScrollLock ? LockState.ScrollLock
                : LockState.None;
            if (toggled != LockState.None)
            {
                Locks ^= toggled;
                locksChanged = true;
            }
        }
        if (usage >= HidUsage.LeftControl && usage <= HidUsage.RightGui)
        {
            byte m = (byte)(1 << (usage - HidUsage.LeftControl));
            Modifiers = stroke.Break ? (byte)(Modifiers & ~m) : (byte)(Modifiers | m);
        }
        e.Usage = usage;
        e.Modifiers = Modifiers;
        e.Locks = Locks;
        return locksChanged;
    }

    /// <summary>Forgets every key that is down (after a keyboard reset), keeping the locks.</summary>
    public void ReleaseAll()
    {
        for (int i = 0; i < 4; i++)
        {
            _down[i] = 0;
        }
        Modifiers = 0;
    }

    /// <summary>The lock state as the keyboard's 0xED argument: bit 0 Scroll, bit 1 Num, bit 2 Caps.</summary>
    public readonly byte LedByte
        => (byte)(((Locks & LockState.ScrollLock) != 0 ? 1 : 0)
                | ((Locks & LockState.NumLock) != 0 ? 2 : 0)
                | ((Locks & LockState.CapsLock) != 0 ? 4 : 0));
}
