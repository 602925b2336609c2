namespace Redox.Drivers.Ps2;

/// <summary>Which scancode set the decoder reads.</summary>
public enum ScancodeSet : byte
{
    /// <summary>Set 1 (IBM XT): what the i8042 delivers with translation on. Break = make | 0x80.</summary>
    Set1 = 1,

    /// <summary>Set 2 (IBM AT), as the keyboard sends it, with translation off. Break = 0xF0 before the make code.</summary>
    Set2 = 2,
}
