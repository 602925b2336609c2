using Redox.Kernel.Arch;

namespace Redox.Kernel.Diagnostics;

/// <summary>
/// QEMU's isa-debug-exit device (port 0xF4): writing <c>v</c> ends QEMU with status <c>(v &lt;&lt; 1) | 1</c>.
/// Tests boot with <c>-device isa-debug-exit,iobase=0xf4,iosize=0x04</c> and the kernel command line
/// <c>redox.exit=qemu</c>; without that word the kernel never touches the port (it may be something else on a PC).
/// </summary>
public static class QemuExit
{
    /// <summary>The device's port.</summary>
    public const ushort Port = 0xF4;

    /// <summary>Test passed: QEMU exits with 33.</summary>
    public const byte PassCode = 0x10;

    /// <summary>Test failed: QEMU exits with 35.</summary>
    public const byte FailCode = 0x11;

    /// <summary>Kernel panic: QEMU exits with 37.</summary>
    public const byte PanicCode = 0x12;

    /// <summary>Whether the kernel command line asked for exits through the device.</summary>
    public static bool Enabled { get; set; }

    /// <summary>QEMU's exit status for a code.</summary>
    public static int StatusFor(byte code) => (code << 1) | 1;

    /// <summary>Ends QEMU with <paramref name="code"/> when enabled; returns otherwise.</summary>
    public static void ExitIfEnabled(byte code)
    {
        if (Enabled) Ports.Out32(Port, code);
    }
}
