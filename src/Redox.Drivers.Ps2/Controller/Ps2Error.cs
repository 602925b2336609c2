namespace Redox.Drivers.Ps2;

/// <summary>Why a controller or device operation failed. Errors are values; nothing throws.</summary>
public enum Ps2Error : byte
{
    /// <summary>Success.</summary>
    None = 0,

    /// <summary>A wait ran out of its time budget (IBF never cleared, or no byte arrived).</summary>
    Timeout,

    /// <summary>The device answered 0xFE (resend) more often than the retry limit allows.</summary>
    ResendStorm,

    /// <summary>The device or controller answered something the protocol does not allow there.</summary>
    UnexpectedResponse,

    /// <summary>No i8042 answers: the status port floats (0xFF) or the controller never takes a command.</summary>
    NoController,

    /// <summary>The controller self-test (0xAA) did not answer 0x55.</summary>
    SelfTestFailed,

    /// <summary>A port test (0xAB / 0xA9) reported a fault (clock or data line stuck).</summary>
    PortTestFailed,

    /// <summary>No device answers on the port.</summary>
    NoDevice,

    /// <summary>The device's own self-test after reset answered 0xFC or 0xFD.</summary>
    DeviceSelfTestFailed,

    /// <summary>The controller has no second port.</summary>
    NoSecondPort,

    /// <summary>A value outside what the device accepts (a sample rate or resolution).</summary>
    InvalidArgument,
}
