using System;
using System.Text;
using Redox.Drivers.Lpc.Serial;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>The UART driver against the 16550 model: detection, self-test, settings, interrupts, transmit, failure.</summary>
public class SerialTests
{
    private static UartPort<HostedPortIo> Start(SimulatedBus bus, Uart16550Model uart, out Errno error)
    {
        bus.MapPorts(uart.Base, 8, uart);
        using var _ = bus.Bind();
        var port = new UartPort<HostedPortIo>(uart.Base, 64, new PollBudget(1000));
        error = port.Initialize();
        return port;
    }

    [Theory]
    [InlineData(UartModelKind.Uart8250, UartKind.Uart8250)]
    [InlineData(UartModelKind.Uart16450, UartKind.Uart16450)]
    [InlineData(UartModelKind.Uart16550, UartKind.Uart16550)]
    [InlineData(UartModelKind.Uart16550A, UartKind.Uart16550A)]
    public void DetectionTellsTheGenerationsApart(UartModelKind model, UartKind expected)
    {
        var port = Start(new SimulatedBus(), new Uart16550Model(0x2F8, model), out Errno error);
        Assert.Equal((Errno)0, error);
        Assert.Equal(expected, port.Kind);
        Assert.True(port.SelfTestPassed);
    }

    [Fact]
    public void AFailedLoopbackSelfTestIsReportedAndTheStreamAnswersEio()
    {
        var bus = new SimulatedBus();
        var port = Start(bus, new Uart16550Model(0x2F8) { BrokenLoopback = true }, out Errno error);
        Assert.Equal(Errno.EIO, error);
        Assert.Equal(UartKind.Uart16550A, port.Kind);
        Assert.False(port.SelfTestPassed);
        using var bound = bus.Bind();
        Assert.Equal(Errno.EIO, port.Read(new byte[1]).Error);
    }

    [Fact]
    public void NothingAtTheBaseIsAbsent()
    {
        using var _ = new SimulatedBus().Bind();
        var port = new UartPort<HostedPortIo>(0x2F8, 64, new PollBudget(100));
        Assert.Equal(Errno.ENODEV, port.Initialize());
        Assert.Equal(UartKind.Absent, port.Kind);
    }

    [Fact]
    public void InitialisationProgramsTheLineAndOut2()
    {
        var uart = new Uart16550Model(0x2F8);
        Start(new SimulatedBus(), uart, out _);
        Assert.Equal(1, uart.Divisor);
        Assert.Equal(0x03, uart.LineControl); // 8N1, DLAB clear
        Assert.Empty(uart.Transmitted); // self-test bytes stayed in loopback
    }

    [Theory]
    [InlineData(9600u, 8, Parity.None, 1, 12, 0x03)]
    [InlineData(38400u, 7, Parity.Even, 2, 3, 0x1E)]
    [InlineData(115200u, 5, Parity.Odd, 1, 1, 0x08)]
    [InlineData(50u, 6, Parity.Space, 1, 2304, 0x39)]
    public void SettingsReachTheChip(uint baud, int dataBits, Parity parity, int stop, int divisor, int lcr)
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8);
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        Assert.Equal((Errno)0, port.Configure(new LineSettings { Baud = baud, DataBits = (byte)dataBits, Parity = parity, StopBits = (byte)stop }));
        Assert.Equal(divisor, uart.Divisor);
        Assert.Equal(lcr, uart.LineControl);
        LineSettings back = port.Controller.ReadSettings();
        Assert.Equal(baud, back.Baud);
        Assert.Equal(parity, back.Parity);
        Assert.Equal(dataBits, back.DataBits);
    }

    [Theory]
    [InlineData(0u, 8, 1)]
    [InlineData(7u, 8, 1)]
    [InlineData(230400u, 8, 1)]
    [InlineData(9600u, 9, 1)]
    [InlineData(9600u, 4, 1)]
    [InlineData(9600u, 8, 3)]
    public void ImpossibleSettingsAreEinvalAndChangeNothing(uint baud, int dataBits, int stop)
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8);
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        Assert.Equal(Errno.EINVAL, port.Configure(new LineSettings { Baud = baud, DataBits = (byte)dataBits, StopBits = (byte)stop }));
        Assert.Equal(1, uart.Divisor);
        Assert.Equal(0x03, uart.LineControl);
    }

    [Fact]
    public void ReceiveIsInterruptDrivenIntoABoundedBuffer()
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8);
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        Assert.False(uart.InterruptPending);
        uart.Receive(1, 2, 3);
        Assert.True(uart.InterruptPending);
        Assert.Equal(UartEvents.Readable, port.OnInterrupt() & UartEvents.Readable);
        Assert.False(uart.InterruptPending);
        var buffer = new byte[8];
        Assert.Equal(3UL, port.Read(buffer).Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);

        // 64-byte buffer: 16 bytes per interrupt (the FIFO), 5 interrupts = 80 bytes, 16 dropped.
        for (int i = 0; i < 5; i++)
        {
            uart.Receive(new byte[16]);
            port.OnInterrupt();
        }
        Assert.Equal(64, port.Available);
        Assert.Equal(16UL, port.Dropped);
    }

    [Fact]
    public void TransmitFillsOnlyTheFifoAndTheInterruptSendsTheRest()
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8) { HoldTransmit = true };
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        byte[] message = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
        Assert.Equal((ulong)message.Length, port.Write(message).Value);
        Assert.Equal(16, uart.MaxTransmitFill);
        Assert.Equal(0, uart.TransmitOverruns);
        Assert.False(uart.InterruptPending); // FIFO not empty yet
        while (port.TransmitPending > 0)
        {
            uart.ShiftOut();
            Assert.True(uart.InterruptPending);
            port.OnInterrupt();
        }
        uart.ShiftOut();
        Assert.Equal(message, uart.Transmitted.ToArray());
        Assert.Equal(16, uart.MaxTransmitFill);
        Assert.False(uart.InterruptPending); // THRE interrupt off once the buffer is empty
    }

    [Fact]
    public void WithoutFifoOneByteAtATime()
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8, UartModelKind.Uart16450) { HoldTransmit = true };
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        port.Write(new byte[] { 1, 2, 3 });
        Assert.Equal(1, uart.MaxTransmitFill);
        for (int i = 0; i < 3; i++)
        {
            uart.ShiftOut();
            port.OnInterrupt();
        }
        Assert.Equal(new byte[] { 1, 2, 3 }, uart.Transmitted.ToArray());
        Assert.Equal(0, uart.TransmitOverruns);
    }

    [Fact]
    public void AUartThatStopsAnsweringFailsWithEio()
    {
        var bus = new SimulatedBus();
        var uart = new Uart16550Model(0x2F8);
        var port = Start(bus, uart, out _);
        using var bound = bus.Bind();
        uart.Unplug();
        Assert.Equal(Errno.EIO, port.Read(new byte[4]).Error);
        Assert.True(port.Failed);
        Assert.Equal(Errno.EIO, port.Write(new byte[] { 1 }).Error);
        Assert.Equal(UartEvents.Failed, port.OnInterrupt());
    }

    [Fact]
    public void SerialSchemeServesComTwoAndRefusesComOne()
    {
        using var kernel = new HostedKernel();
        var uart = new Uart16550Model(0x2F8);
        kernel.Bus.MapPorts(0x2F8, 8, uart);
        SerialScheme<HostedPortIo>? scheme;
        using (kernel.Bus.Bind())
        {
            Assert.Equal(Errno.EACCES, SerialDriver.CreateScheme<HostedPortIo>(new[] { 1, 2 }, out scheme));
            Assert.Equal(Errno.ENODEV, SerialDriver.CreateScheme<HostedPortIo>(new[] { 3 }, out scheme, new PollBudget(100)));
            Assert.Equal((Errno)0, SerialDriver.CreateScheme<HostedPortIo>(new[] { 2, 4 }, out scheme, new PollBudget(100)));
        }
        kernel.RegisterInThread("serial", scheme!);
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.EACCES, Sys.Open("serial:com1"u8, OpenFlags.ReadWrite).Error);
            Assert.Equal(Errno.ENODEV, Sys.Open("serial:com4"u8, OpenFlags.ReadWrite).Error); // a PC port, nothing answered there
            Assert.Equal(Errno.ENODEV, Sys.Open("serial:com4/config"u8, OpenFlags.ReadOnly).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("serial:com5"u8, OpenFlags.ReadWrite).Error);  // not a PC COM port at all
            Assert.Equal(Errno.ENOENT, Sys.Open("serial:tty"u8, OpenFlags.ReadWrite).Error);
            nuint config = Io.Open("serial:com2/config");
            Assert.Equal("com2 16550A 115200 8N1 selftest=pass state=ok dropped=0 errors=0\n", Io.ReadText(config));
            Assert.Equal(Errno.EINVAL, Io.WriteText(config, "0 8N1").Error);
            Assert.Equal(Errno.EINVAL, Io.WriteText(config, "9600 9N1").Error);
            Assert.Equal(Errno.EINVAL, Io.WriteText(config, "9600 8X1").Error);
            Assert.Equal(8UL, Io.WriteText(config, "9600 7E1").Value);
            Assert.StartsWith("com2 16550A 9600 7E1", Io.ReadText(config));

            nuint data = Io.Open("serial:com2");
            Assert.Equal(Errno.EAGAIN, Sys.Read(data, new byte[4]).Error);
            Assert.Equal((ulong)EventFlags.Write, Sys.Fevent(data, EventFlags.Read | EventFlags.Write).Value);
            Assert.Equal(5UL, Io.WriteText(data, "hello").Value);
        });
        Assert.Equal("hello", Encoding.ASCII.GetString(uart.Transmitted.ToArray()));
        Assert.Equal(12, uart.Divisor);

        uart.Receive((byte)'o', (byte)'k');
        using (kernel.Bus.Bind())
        {
            Assert.Equal(UartEvents.Readable, scheme!.OnInterrupt() & UartEvents.Readable);
        }
        Assert.Equal(1, scheme!.Events.Count); // readiness posted to the handle that asked with fevent
        kernel.CreateProcess().Run(() =>
        {
            nuint data = Io.Open("serial:com2");
            var buffer = new byte[8];
            Assert.Equal(2UL, Sys.Read(data, buffer).Value);
            Assert.Equal("ok", Encoding.ASCII.GetString(buffer, 0, 2));
        });
    }

    [Fact]
    public void TheDaemonListensOnTheLinesOfThePortsItServesOnly()
    {
        // ISA wiring: COM1/COM3 share IRQ 4, COM2/COM4 IRQ 3 (what the daemon opens as irq:N).
        Assert.Equal(4, SerialDriver.IrqOf(1));
        Assert.Equal(3, SerialDriver.IrqOf(2));
        Assert.Equal(4, SerialDriver.IrqOf(3));
        Assert.Equal(3, SerialDriver.IrqOf(4));
        Assert.Equal(0, SerialDriver.IrqOf(5));
        using var kernel = new HostedKernel();
        kernel.Bus.MapPorts(0x2F8, 8, new Uart16550Model(0x2F8));
        using (kernel.Bus.Bind())
        {
            Assert.Equal((Errno)0, SerialDriver.CreateScheme<HostedPortIo>(new[] { 2, 3 }, out SerialScheme<HostedPortIo>? scheme, new PollBudget(100)));
            Assert.True(scheme!.Serves(2));
            Assert.False(scheme.Serves(3)); // nothing answered at 0x3E8: no port, so no IRQ 4 either
            Assert.False(scheme.Serves(1));
        }
    }

    [Fact]
    public void SettingsTextRoundTrips()
    {
        Assert.True(SerialText.TryParse("  57600 6O2\n"u8, out var s));
        Assert.Equal(57600u, s.Baud);
        Assert.Equal(Parity.Odd, s.Parity);
        Assert.False(SerialText.TryParse("fast 8N1"u8, out _));
        Assert.False(SerialText.TryParse("9600 8N1 extra"u8, out _));
    }
}
