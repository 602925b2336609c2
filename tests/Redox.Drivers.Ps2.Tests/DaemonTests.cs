using System;
using System.Text;
using Redox.Drivers.Ps2;
using Redox.Testing;
using Redox.Testing.Ps2;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>
/// The daemon form (<see cref="Ps2Daemon{TPort, TClock}"/>) where the host can run it: what it logs about the
/// hardware, and that missing hardware or a missing kernel service ends it with a report and an exit code, never a
/// hang or a throw. Serving with real <c>irq:</c> lines is proven in QEMU (tests/Redox.Boot.Tests/Ps2Tests.cs).
/// </summary>
public sealed class DaemonTests
{
    [Fact]
    public void The_log_says_what_initialisation_found()
    {
        var report = new Ps2InitReport
        {
            DualChannel = true,
            FinalConfig = (Ps2Config)0x43,
            KeyboardId = 0xAB83,
            MouseId = 4,
        };
        Assert.Equal("ps2d: controller: ok, config 0x43, dual channel", Controller(report));
        Assert.Equal("ps2d: keyboard: ready, id 0xab83, scancode set 1 (translated)", Keyboard(report));
        Assert.Equal("ps2d: mouse: ready, id 4", Mouse(report));

        report.FinalConfig = (Ps2Config)0x03;
        report.DualChannel = false;
        report.Mouse = Ps2Error.NoSecondPort;
        Assert.Equal("ps2d: controller: ok, config 0x03, one channel", Controller(report));
        Assert.Equal("ps2d: keyboard: ready, id 0xab83, scancode set 2", Keyboard(report));
        Assert.Equal("ps2d: mouse: not served (no second port)", Mouse(report));

        report.Keyboard = Ps2Error.NoDevice;
        Assert.Equal("ps2d: keyboard: not served (no device)", Keyboard(report));
        report.Controller = Ps2Error.NoController;
        Assert.Equal("ps2d: controller: no controller", Controller(report));
        report.Controller = Ps2Error.SelfTestFailed;
        Assert.Equal("ps2d: controller: controller self-test failed", Controller(report));
    }

    [Fact]
    public void Every_error_has_its_own_name()
    {
        var names = new System.Collections.Generic.HashSet<string>();
        foreach (Ps2Error e in Enum.GetValues<Ps2Error>())
        {
            string name = Encoding.ASCII.GetString(Ps2ReportText.Name(e));
            Assert.NotEqual("unknown error", name);
            Assert.True(names.Add(name), $"{e} shares its name");
        }
    }

    [Fact]
    public void A_long_name_is_cut_not_overflowed()
    {
        Span<byte> line = stackalloc byte[24];
        int n = Ps2ReportText.Keyboard(new Ps2InitReport { KeyboardId = 0xAB83 }, line, "a-daemon-with-a-long-name"u8);
        Assert.Equal(23, n);                       // one byte is kept for the line feed
    }

    [Fact]
    public void Without_a_controller_it_reports_and_exits_cleanly_without_creating_the_scheme()
    {
        var (code, kernel) = RunDaemon(model: null);
        Assert.Equal(Ps2Daemon<HostedPortIo, PollCountClock>.Clean, code);
        Assert.Null(kernel.FindScheme("ps2"));
    }

    [Fact]
    public void With_neither_device_it_reports_and_exits_cleanly_without_creating_the_scheme()
    {
        var (code, kernel) = RunDaemon(m =>
        {
            m.KeyboardConnected = false;
            m.MouseConnected = false;
        });
        Assert.Equal(Ps2Daemon<HostedPortIo, PollCountClock>.Clean, code);
        Assert.Null(kernel.FindScheme("ps2"));
    }

    [Fact]
    public void A_kernel_without_irq_lines_ends_it_with_the_system_call_failure_code()
    {
        // The hosted kernel has no irq: scheme: the open fails, and the daemon says so and ends (no hang, no throw).
        var (code, kernel) = RunDaemon(_ => { });
        Assert.Equal(Ps2Daemon<HostedPortIo, PollCountClock>.SystemCallFailed, code);
        Assert.NotNull(kernel.FindScheme("ps2"));
    }

    private static (int Code, HostedKernel Kernel) RunDaemon(Action<I8042Model>? model)
    {
        var kernel = new HostedKernel();
        if (model is not null)
        {
            var i8042 = new I8042Model(new SimulatedInterrupts());
            model(i8042);
            kernel.Bus.MapPorts(0x60, 5, i8042);
        }
        HostedProcess process = kernel.CreateProcess();
        using var scope = process.Enter();
        using var bus = kernel.Bus.Bind();
        var daemon = new Ps2Daemon<HostedPortIo, PollCountClock>(new PollCountClock(1000), Ps2Options.Default, "ps2d"u8);
        return (daemon.Run(), kernel);
    }

    private static string Controller(in Ps2InitReport r) => Text(r, 0);

    private static string Keyboard(in Ps2InitReport r) => Text(r, 1);

    private static string Mouse(in Ps2InitReport r) => Text(r, 2);

    private static string Text(in Ps2InitReport r, int part)
    {
        Span<byte> line = stackalloc byte[160];
        int n = part == 0 ? Ps2ReportText.Controller(r, line, "ps2d"u8)
            : part == 1 ? Ps2ReportText.Keyboard(r, line, "ps2d"u8)
            : Ps2ReportText.Mouse(r, line, "ps2d"u8);
        return Encoding.ASCII.GetString(line[..n]);
    }
}
