namespace Redox.Drivers.Ps2;

/// <summary>
/// What initialisation found, stage by stage: the driver's log. <see cref="Ps2Error.None"/> means the stage
/// passed; a device that failed is left disabled and the rest keeps working.
/// </summary>
public struct Ps2InitReport
{
    /// <summary>The controller: <see cref="Ps2Error.NoController"/>, <see cref="Ps2Error.SelfTestFailed"/> or None.</summary>
    public Ps2Error Controller;

    /// <summary>The configuration byte as the firmware left it, read once both ports were disabled (so bits 4 and 5 are set).</summary>
    public Ps2Config FirmwareConfig;

    /// <summary>The configuration byte the driver left.</summary>
    public Ps2Config FinalConfig;

    /// <summary>True when the controller has a second port.</summary>
    public bool DualChannel;

    /// <summary>Result of the first port test (0xAB).</summary>
    public Ps2Error Port1Test;

    /// <summary>Result of the second port test (0xA9), or <see cref="Ps2Error.NoSecondPort"/>.</summary>
    public Ps2Error Port2Test;

    /// <summary>The raw answer byte of the failed port test (1-4: which line is stuck), 0 when it passed.</summary>
    public byte PortTestCode;

    /// <summary>The keyboard: None when it is ready, else why not.</summary>
    public Ps2Error Keyboard;

    /// <summary>The keyboard's identify answer (e.g. 0xAB83), 0 for an AT keyboard that sends no ID.</summary>
    public ushort KeyboardId;

    /// <summary>Result of selecting scancode set 2 (a keyboard may refuse; it then stays in its default).</summary>
    public Ps2Error ScancodeSetSelection;

    /// <summary>The mouse: None when it is ready, else why not.</summary>
    public Ps2Error Mouse;

    /// <summary>The mouse ID after the knock sequences (0, 3 or 4).</summary>
    public byte MouseId;

    /// <summary>True when the keyboard is ready.</summary>
    public readonly bool KeyboardReady => Controller == Ps2Error.None && Keyboard == Ps2Error.None;

    /// <summary>True when the mouse is ready.</summary>
    public readonly bool MouseReady => Controller == Ps2Error.None && Mouse == Ps2Error.None;
}
