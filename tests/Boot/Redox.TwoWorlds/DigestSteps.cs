namespace Redox.TwoWorlds;

/// <summary>
/// One step of a digest. Implemented by three classes here and two more in the boot kernel, and always called
/// through the interface, so the bare-metal build needs general interface dispatch (not ILC's devirtualisation).
/// </summary>
public interface IDigestStep
{
    /// <summary>The next state.</summary>
    uint Apply(uint state);

    /// <summary>A default interface method: two steps, unless an implementer knows better.</summary>
    uint ApplyTwice(uint state) => Apply(Apply(state));
}

/// <summary>Adds a constant.</summary>
public sealed class AddStep : IDigestStep
{
    private readonly uint _addend;

    /// <summary>Adds <paramref name="addend"/>.</summary>
    public AddStep(uint addend) => _addend = addend;

    /// <inheritdoc/>
    public uint Apply(uint state) => state + _addend;
}

/// <summary>Multiplies by a constant, and overrides the default method.</summary>
public sealed class MultiplyStep : IDigestStep
{
    private readonly uint _factor;

    /// <summary>Multiplies by <paramref name="factor"/>.</summary>
    public MultiplyStep(uint factor) => _factor = factor;

    /// <inheritdoc/>
    public uint Apply(uint state) => state * _factor;

    /// <inheritdoc/>
    public uint ApplyTwice(uint state) => state * _factor * _factor + 1;
}

/// <summary>Rotates left; a base class whose virtual implementation a subclass may override.</summary>
public class RotateStep : IDigestStep
{
    /// <summary>Bits to rotate by.</summary>
    protected virtual int Bits => 5;

    /// <inheritdoc/>
    public virtual uint Apply(uint state) => (state << Bits) | (state >> (32 - Bits));
}
