namespace Redox.Drivers.Ps2;

/// <summary>
/// Everything the driver knows between interrupts: the decoders, the keyboard state, the two event queues and
/// the counters that are its log of bad input. Allocated once by <see cref="Ps2State(in Ps2Options)"/>.
/// </summary>
public sealed class Ps2State
{
    /// <summary>The keyboard decoder (its set follows translation).</summary>
    public ScancodeDecoder KeyDecoder;

    /// <summary>Keys down, modifiers, locks.</summary>
    public KeyboardState Keyboard;

    /// <summary>The mouse packet decoder (its length follows the mouse ID).</summary>
    public MousePacketDecoder MouseDecoder;

    /// <summary>A state with queues sized by <paramref name="options"/>.</summary>
    public Ps2State(in Ps2Options options)
    {
        Keys = new Ps2EventRing<KeyEvent>(options.KeyboardQueue);
        Mouse = new Ps2EventRing<MouseEvent>(options.MouseQueue);
        KeyDecoder = new ScancodeDecoder(options.Translation ? ScancodeSet.Set1 : ScancodeSet.Set2);
    }

    /// <summary>Key events waiting for readers.</summary>
    public Ps2EventRing<KeyEvent> Keys { get; }

    /// <summary>Mouse events waiting for readers.</summary>
    public Ps2EventRing<MouseEvent> Mouse { get; }

    /// <summary>True when the keyboard passed initialisation and its events are served.</summary>
    public bool KeyboardReady { get; set; }

    /// <summary>True when the mouse passed initialisation and its events are served.</summary>
    public bool MouseReady { get; set; }

    /// <summary>Interrupts that found the output buffer empty.</summary>
    public ulong SpuriousInterrupts { get; set; }

    /// <summary>Keyboard bytes that named no key or broke a sequence (garbage).</summary>
    public ulong InvalidKeyBytes { get; set; }

    /// <summary>Keyboard bytes that were protocol traffic or fake shifts, not keys.</summary>
    public ulong IgnoredKeyBytes { get; set; }

    /// <summary>Bytes from a port whose device is not in use (dropped).</summary>
    public ulong StrayBytes { get; set; }

    /// <summary>LED updates the keyboard did not acknowledge.</summary>
    public ulong LedFailures { get; set; }
}
