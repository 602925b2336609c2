using Redox.Testing.Devices;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>The 16550 model's INTR output: IER causes, IIR priorities, the OUT2 gate, one raise per rising edge.</summary>
public class Uart16550InterruptTests
{
    private const ushort Base = 0x2F8;
    private const ushort Rbr = Base, Ier = Base + 1, Iir = Base + 2, Mcr = Base + 4;

    [Fact]
    public void Received_data_raises_the_line_once_per_rising_edge_and_only_through_OUT2()
    {
        var lines = new SimulatedInterrupts();
        var uart = new Uart16550Model(Base);
        uart.ConnectInterrupt(lines, 3);
        uart.Out(Ier, 1, 0x01);                              // received data available
        uart.Receive(1);
        Assert.Equal(0, lines.Count(3));                     // OUT2 low: the PC's gate keeps INTR off the bus
        uart.Out(Mcr, 1, 0x08);                              // OUT2 up with a cause pending: an edge
        Assert.Equal(1, lines.Count(3));
        uart.Receive(2, 3);                                  // still high: no new edge
        Assert.Equal(1, lines.Count(3));
        Assert.Equal(0x04u, uart.In(Iir, 1) & 0x0F);         // the cause is received data
        uart.In(Rbr, 1);
        uart.In(Rbr, 1);
        uart.In(Rbr, 1);                                     // the FIFO empty: INTR falls
        Assert.False(uart.InterruptPending);
        Assert.Equal(0x01u, uart.In(Iir, 1) & 0x0F);
        uart.Receive(4);                                     // rises again
        Assert.Equal(2, lines.Count(3));
    }

    [Fact]
    public void THR_empty_raises_the_line_when_enabled_and_reading_IIR_clears_it()
    {
        var lines = new SimulatedInterrupts();
        var uart = new Uart16550Model(Base);
        uart.ConnectInterrupt(lines, 4);
        uart.Out(Mcr, 1, 0x08);
        Assert.Equal(0, lines.Count(4));
        uart.Out(Ier, 1, 0x02);                              // THRE enabled with the holding register empty: an edge
        Assert.Equal(1, lines.Count(4));
        Assert.Equal(0x02u, uart.In(Iir, 1) & 0x0F);         // reading IIR with THRE as the cause clears it
        Assert.False(uart.InterruptPending);
        uart.Out(Rbr, 1, (uint)'a');                         // the byte goes out at once: THR empty again, a new edge
        Assert.Equal(2, lines.Count(4));
        uart.Out(Ier, 1, 0x00);
        Assert.False(uart.InterruptPending);
    }
}
