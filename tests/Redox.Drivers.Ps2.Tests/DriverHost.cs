using System;
using System.Threading;
using Redox.Drivers.Ps2;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Ps2;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>
/// The driver as a daemon in the hosted kernel: its own process and thread, the scheme socket <c>:ps2</c>
/// opened non-blocking, and the loop a Redox daemon runs — wait for an interrupt (here the model's IRQ
/// lines; on Redox the <c>irq:</c> descriptors) or a request, then <see cref="Ps2Driver{TPort, TClock}.PumpOnce"/>.
/// </summary>
internal sealed class DriverHost : IDisposable
{
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _ready = new();
    private volatile bool _stop;

    public DriverHost(Action<I8042Model>? setUp = null, Ps2Options? options = null)
    {
        Kernel = new HostedKernel();
        Model = new I8042Model(new SimulatedInterrupts());
        setUp?.Invoke(Model);
        Kernel.Bus.MapPorts(0x60, 5, Model);
        var process = Kernel.CreateProcess();
        var opts = options ?? Ps2Options.Default;
        _thread = new Thread(() =>
        {
            using var scope = process.Enter();
            using var bus = Kernel.Bus.Bind();
            Driver = new Ps2Driver<HostedPortIo, PollCountClock>(new PollCountClock(1000), opts);
            Report = Driver.Start();
            var socket = Sys.Open(":ps2"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.NonBlock);
            _ready.Set();
            while (!_stop)
            {
                bool interrupted = Model.Interrupts.TakePending() != 0;
                var r = Driver.PumpOnce((nuint)socket.Value, interrupted);
                if (r.IsError || r.Value == 0)
                {
                    break;
                }
                // Sleep until an IRQ; wake every millisecond to look for requests (the hosted socket has no readiness).
                Model.Interrupts.Wait(1);
            }
            Sys.Close((nuint)socket.Value);
        }) { IsBackground = true, Name = "ps2d" };
        _thread.Start();
        if (!_ready.Wait(10_000))
        {
            throw new TimeoutException("ps2d did not start");
        }
        Client = Kernel.CreateProcess();
    }

    public HostedKernel Kernel { get; }

    public I8042Model Model { get; }

    public Ps2Driver<HostedPortIo, PollCountClock> Driver { get; private set; } = null!;

    public Ps2InitReport Report { get; private set; }

    public HostedProcess Client { get; }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(5_000);
        Kernel.Dispose();
    }
}
