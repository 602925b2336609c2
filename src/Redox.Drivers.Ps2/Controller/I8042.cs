namespace Redox.Drivers.Ps2;

/// <summary>
/// i8042 ports and controller commands (written to port 0x64), as in the IBM PC/AT Technical Reference and
/// OSDev's "8042 PS/2 Controller".
/// </summary>
public static class I8042
{
    /// <summary>Data port: device bytes and command results are read here, device bytes and command arguments written.</summary>
    public const ushort DataPort = 0x60;

    /// <summary>Status register (read) and command register (write).</summary>
    public const ushort StatusPort = 0x64;

    /// <summary>Read the configuration byte (answer in the output buffer).</summary>
    public const byte ReadConfig = 0x20;

    /// <summary>Write the configuration byte (the next byte written to 0x60).</summary>
    public const byte WriteConfig = 0x60;

    /// <summary>Disable the second port (sets config bit 5).</summary>
    public const byte DisablePort2 = 0xA7;

    /// <summary>Enable the second port (clears config bit 5 on a dual-channel controller).</summary>
    public const byte EnablePort2 = 0xA8;

    /// <summary>Test the second port: 0x00 passed, 0x01-0x04 a stuck clock or data line.</summary>
    public const byte TestPort2 = 0xA9;

    /// <summary>Controller self-test: 0x55 passed, 0xFC failed.</summary>
    public const byte SelfTest = 0xAA;

    /// <summary>Test the first port: 0x00 passed, 0x01-0x04 a stuck clock or data line.</summary>
    public const byte TestPort1 = 0xAB;

    /// <summary>Disable the first port (sets config bit 4).</summary>
    public const byte DisablePort1 = 0xAD;

    /// <summary>Enable the first port (clears config bit 4).</summary>
    public const byte EnablePort1 = 0xAE;

    /// <summary>Send the next byte written to 0x60 to the second port's device.</summary>
    public const byte WritePort2 = 0xD4;

    /// <summary>The answer to <see cref="SelfTest"/> when the controller is healthy.</summary>
    public const byte SelfTestPassed = 0x55;

    /// <summary>The answer to <see cref="TestPort1"/>/<see cref="TestPort2"/> when the port is healthy.</summary>
    public const byte PortTestPassed = 0x00;
}
