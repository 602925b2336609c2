using System;
using MyDriver;
using Redox.Benchmarking;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;

namespace MyDriver.Benchmarks;

/// <summary>
/// <c>myscheme:</c> on the host: a write of <see cref="SchemeBenchmark.Bytes"/> bytes, which the driver sends through the
/// simulated UART in loopback, and a read of what came back, each a round trip from the client through the hosted
/// kernel to the driver's thread. A write alone would fill the driver's receive buffer, so the pair is measured.
/// </summary>
public class MyDriverSchemeBenchmarks : SchemeBenchmark
{
    /// <inheritdoc/>
    public override SchemeOperations Operations => SchemeOperations.WriteThenRead;

    /// <summary>1 byte and 64 bytes (the driver keeps at most <see cref="MyDriverScheme{TPort}.ReceiveCapacity"/> received bytes).</summary>
    public override int[] Sizes => new[] { 1, 64 };

    /// <inheritdoc/>
    protected override string SchemeName => "myscheme";

    /// <summary>The UART the driver drives, simulated at its port.</summary>
    protected override void SetUpDevices(SimulatedBus bus)
    {
        var uart = new Uart16550Model(MyDriverDriver.Port);
        bus.MapPorts(uart.Base, 8, uart);
    }

    /// <summary>The driver's scheme over the simulated UART, set up as the daemon sets it up.</summary>
    protected override SchemeBase CreateScheme()
    {
        var scheme = new MyDriverScheme<HostedPortIo>(new MyDriverController<HostedPortIo>(MyDriverDriver.Port));
        Errno error = scheme.Initialize();
        if (error != 0)
        {
            throw new InvalidOperationException($"The simulated UART did not set up: {error}.");
        }
        return scheme;
    }
}
