namespace Redox.Drivers.Lpc.Serial;

/// <summary>Parity, as LCR bits 5:3 encode it.</summary>
public enum Parity : byte
{
    /// <summary>No parity bit.</summary>
    None = 0,

    /// <summary>Odd parity (PEN).</summary>
    Odd = 0x08,

    /// <summary>Even parity (PEN | EPS).</summary>
    Even = 0x18,

    /// <summary>Parity bit always 1 (PEN | stick).</summary>
    Mark = 0x28,

    /// <summary>Parity bit always 0 (PEN | EPS | stick).</summary>
    Space = 0x38,
}
