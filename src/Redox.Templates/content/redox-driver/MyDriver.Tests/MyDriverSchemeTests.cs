using System;
using MyDriver;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace MyDriver.Tests;

/// <summary>
/// The driver against a simulated 16550 (Redox.Testing's Uart16550Model) on the hosted kernel's bus: the same scheme
/// code that runs in ring 3, reached the way a client reaches it, through Sys.Open/Read/Write.
/// </summary>
public class MyDriverSchemeTests
{
    private static (HostedKernel Kernel, Uart16550Model Uart, MyDriverScheme<HostedPortIo> Scheme) Start(Action<Uart16550Model>? setUp = null)
    {
        var kernel = new HostedKernel();
        var uart = new Uart16550Model(MyDriverDriver.Port);
        setUp?.Invoke(uart);
        kernel.Bus.MapPorts(uart.Base, 8, uart);
        var scheme = new MyDriverScheme<HostedPortIo>(new MyDriverController<HostedPortIo>(MyDriverDriver.Port));
        using (kernel.Bus.Bind())
        {
            Assert.Equal((Errno)0, scheme.Initialize());
        }
        kernel.StartDriver("myscheme", scheme);
        return (kernel, uart, scheme);
    }

    [Fact]
    public void What_a_client_writes_comes_back_through_the_uart_loopback()
    {
        (HostedKernel kernel, Uart16550Model uart, _) = Start();
        using (kernel)
        {
            kernel.CreateProcess().Run(() =>
            {
                nuint fd = (nuint)Sys.Open("myscheme:"u8, OpenFlags.ReadWrite).Value;
                Assert.Equal(5UL, Sys.Write(fd, "hello"u8).Value);
                var back = new byte[16];
                Assert.Equal(5UL, Sys.Read(fd, back).Value);
                Assert.Equal("hello"u8.ToArray(), back.AsSpan(0, 5).ToArray());
                Assert.Equal(0UL, Sys.Read(fd, back).Value);        // nothing more waiting
            });
        }
        Assert.Empty(uart.Transmitted);                              // loopback: nothing reached the line
        Assert.Equal(1, uart.Divisor);                               // 115200 baud
        Assert.Equal((byte)LineControl.EightBits, uart.LineControl);
    }

    [Fact]
    public void A_write_larger_than_the_receive_buffer_is_cut_short_and_then_waits_for_a_read()
    {
        (HostedKernel kernel, _, _) = Start();
        using (kernel)
        {
            kernel.CreateProcess().Run(() =>
            {
                nuint fd = (nuint)Sys.Open("myscheme:"u8, OpenFlags.ReadWrite).Value;
                var data = new byte[MyDriverScheme<HostedPortIo>.ReceiveCapacity + 10];
                for (int i = 0; i < data.Length; i++) data[i] = (byte)i;
                Assert.Equal((ulong)MyDriverScheme<HostedPortIo>.ReceiveCapacity, Sys.Write(fd, data).Value);
                Assert.Equal(Errno.EAGAIN, Sys.Write(fd, data).Error);
                var back = new byte[100];
                Assert.Equal(100UL, Sys.Read(fd, back).Value);
                Assert.Equal(data.AsSpan(0, 100).ToArray(), back);
                Assert.Equal(100UL, Sys.Read(fd, back).Value);
                Assert.Equal(data.AsSpan(100, 100).ToArray(), back);  // the rest kept its order
            });
        }
    }

    [Fact]
    public void Handles_keep_their_access_mode_and_the_scheme_has_no_subpaths()
    {
        (HostedKernel kernel, _, _) = Start();
        using (kernel)
        {
            kernel.CreateProcess().Run(() =>
            {
                nuint reader = (nuint)Sys.Open("myscheme:"u8, OpenFlags.ReadOnly).Value;
                Assert.Equal(Errno.EBADF, Sys.Write(reader, "x"u8).Error);
                nuint writer = (nuint)Sys.Open("myscheme:"u8, OpenFlags.WriteOnly).Value;
                Assert.Equal(Errno.EBADF, Sys.Read(writer, new byte[1]).Error);
                Assert.Equal(Errno.ENOENT, Sys.Open("myscheme:other"u8, OpenFlags.ReadOnly).Error);
            });
        }
    }

    [Fact]
    public void Nothing_at_the_port_is_ENODEV()
    {
        using var kernel = new HostedKernel();
        var scheme = new MyDriverScheme<HostedPortIo>(new MyDriverController<HostedPortIo>(MyDriverDriver.Port));
        using (kernel.Bus.Bind())
        {
            Assert.Equal(Errno.ENODEV, scheme.Initialize());
        }
    }

    [Fact]
    public void A_receiver_that_changes_the_bytes_fails_the_self_test_with_EIO()
    {
        using var kernel = new HostedKernel();
        var uart = new Uart16550Model(MyDriverDriver.Port) { BrokenLoopback = true };
        kernel.Bus.MapPorts(uart.Base, 8, uart);
        var scheme = new MyDriverScheme<HostedPortIo>(new MyDriverController<HostedPortIo>(MyDriverDriver.Port));
        using (kernel.Bus.Bind())
        {
            Assert.Equal(Errno.EIO, scheme.Initialize());
        }
    }
}
