namespace Redox.Drivers.Ps2;

/// <summary>A decoded make or break code: the key and the bytes it came from.</summary>
public unsafe struct KeyStroke
{
    /// <summary>HID usage ID (page 0x07).</summary>
    public byte Usage;

    /// <summary>True for a break (key up), false for a make (down or repeat).</summary>
    public bool Break;

    /// <summary>Bytes used in <see cref="Raw"/>.</summary>
    public byte RawLength;

    /// <summary>The scancode bytes as received.</summary>
    public fixed byte Raw[8];
}
