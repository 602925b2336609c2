namespace Redox.Drivers.Ps2;

/// <summary>How the driver sets the hardware up and how much it buffers.</summary>
public struct Ps2Options
{
    /// <summary>
    /// Keep the i8042's translation on (the keyboard is put in set 2; the controller hands the driver set 1),
    /// as firmware and Redox's ps2d leave it. Off: the driver decodes set 2 as the keyboard sends it.
    /// </summary>
    public bool Translation;

    /// <summary>Probe and use a mouse on the second port.</summary>
    public bool EnableMouse;

    /// <summary>Mouse samples per second (10, 20, 40, 60, 80, 100 or 200).</summary>
    public byte MouseSampleRate;

    /// <summary>Mouse resolution code: 0-3 = 1, 2, 4, 8 counts per mm.</summary>
    public byte MouseResolution;

    /// <summary>Key events buffered before overflow.</summary>
    public int KeyboardQueue;

    /// <summary>Mouse events buffered before overflow.</summary>
    public int MouseQueue;

    /// <summary>Handles open at once.</summary>
    public int MaxHandles;

    /// <summary>Blocking reads parked at once (more answer <c>EAGAIN</c>).</summary>
    public int MaxParkedReads;

    /// <summary>Time budgets of the waits.</summary>
    public Ps2Timeouts Timeouts;

    /// <summary>
    /// Translation on, mouse on at 100 samples/s and 4 counts/mm, 256 events per queue, 16 handles,
    /// 16 parked reads, <see cref="Ps2Timeouts.Default"/>.
    /// </summary>
    public static Ps2Options Default => new()
    {
        Translation = true,
        EnableMouse = true,
        MouseSampleRate = 100,
        MouseResolution = 2,
        KeyboardQueue = 256,
        MouseQueue = 256,
        MaxHandles = 16,
        MaxParkedReads = 16,
        Timeouts = Ps2Timeouts.Default,
    };
}
