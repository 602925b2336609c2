namespace Redox.Drivers.Ps2;

/// <summary>
/// What a 4-byte record written to <c>ps2:mouse</c> sets: <c>{ u8 setting, u8 value, u16 reserved = 0 }</c>.
/// </summary>
public enum MouseSetting : byte
{
    /// <summary>Samples per second: 10, 20, 40, 60, 80, 100 or 200 (else <c>EINVAL</c>).</summary>
    SampleRate = 1,

    /// <summary>Resolution code 0-3 = 1, 2, 4, 8 counts per mm (else <c>EINVAL</c>).</summary>
    Resolution = 2,
}
