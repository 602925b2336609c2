namespace Redox.Drivers.Ps2;

/// <summary>What happened to a key.</summary>
public enum KeyEventKind : byte
{
    /// <summary>The key went down.</summary>
    Down = 1,

    /// <summary>The key went up.</summary>
    Up = 2,

    /// <summary>Typematic repeat: the keyboard sent the make code again while the key stayed down.</summary>
    Repeat = 3,
}
