namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// A register read that may be unknown: the bridge lacks it, or the register exists on paper but the
/// device (e.g. QEMU's ICH9 model) does not implement it, so a read would be a made-up zero. Never an
/// invented value: unknown is printed as "unknown".
/// </summary>
public readonly struct RegisterValue
{
    /// <summary>True when <see cref="Value"/> was read from a register that exists.</summary>
    public readonly bool Known;

    /// <summary>The raw register value (0 when unknown).</summary>
    public readonly uint Value;

    private RegisterValue(bool known, uint value)
    {
        Known = known;
        Value = value;
    }

    /// <summary>A value read from hardware.</summary>
    public static RegisterValue Of(uint value) => new(true, value);

    /// <summary>No value.</summary>
    public static RegisterValue Unknown => default;
}
