using System;
using Redox.Drivers.Lpc.Pci;
using Redox.Drivers.Lpc.SuperIo;
using Redox.Drivers.Lpc.Text;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// Start-up and loop of the <c>lpc:</c> daemon. Ports: 0xCF8-0xCFF (PCI configuration mechanism #1),
/// 0x2E-0x2F and 0x4E-0x4F (Super I/O configuration). No IRQ.
/// </summary>
public static class LpcDriver
{
    /// <summary>Functions kept from bus 0.</summary>
    public const int MaxFunctions = 64;

    /// <summary>Logical devices kept per Super I/O chip.</summary>
    public const int MaxLogicalDevices = 16;

    /// <summary>Probes through PCI configuration mechanism #1 on <typeparamref name="TPort"/>.</summary>
    public static LpcScheme CreateScheme<TPort>()
        where TPort : struct, IPortIo
        => CreateScheme<TPort, ConfigMechanism1<TPort>>(default);

    /// <summary>
    /// Enumerates bus 0 through <paramref name="config"/>, finds the bridge, probes the Super I/O ports 0x2E and 0x4E,
    /// and renders the report (all storage allocated here, once).
    /// </summary>
    public static LpcScheme CreateScheme<TPort, TConfig>(TConfig config)
        where TPort : struct, IPortIo
        where TConfig : struct, IPciConfig
    {
        var functions = new PciFunction[MaxFunctions];
        var controller = new LpcBridgeController<TConfig>(config);
        int count = controller.Bus.Enumerate(0, functions);
        LpcBridgeInfo bridge = controller.Find(new ReadOnlySpan<PciFunction>(functions, 0, count));

        var devices = new LogicalDevice[MaxLogicalDevices];
        var text = new byte[8192];
        var writer = new AsciiWriter(text);
        LpcReport.Bridge(ref writer, bridge);
        int bridgeEnd = writer.Length;
        LpcReport.Functions(ref writer, new ReadOnlySpan<PciFunction>(functions, 0, count));
        int pciEnd = writer.Length;
        SuperIoChip primary = SuperIoProbe<TPort>.Probe(SuperIoController<TPort>.PrimaryPort, devices);
        LpcReport.SuperIo(ref writer, primary, devices);
        SuperIoChip secondary = SuperIoProbe<TPort>.Probe(SuperIoController<TPort>.SecondaryPort, devices);
        LpcReport.SuperIo(ref writer, secondary, devices);
        return new LpcScheme(text, bridgeEnd, pciEnd, writer.Length);
    }

    /// <summary>The daemon's main: probe, register <c>lpc:</c>, serve until the scheme is removed.</summary>
    public static SyscallResult Run<TPort>()
        where TPort : struct, IPortIo
    {
        LpcScheme scheme = CreateScheme<TPort>();
        SyscallResult socket = SchemeServer.CreateSocket(":lpc"u8);
        return socket.IsError ? socket : new SchemeServer(scheme, (nuint)socket.Value).Run();
    }
}
