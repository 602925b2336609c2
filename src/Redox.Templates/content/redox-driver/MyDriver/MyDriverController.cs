using Redox.Syscall;
using Redox.Syscall.Io;

namespace MyDriver;

/// <summary>
/// The device: a 16550 UART with its transmitter looped back to its receiver (MCR bit 4), so every byte sent comes back.
/// Registers are offsets from the base port (National Semiconductor PC16550D datasheet, table II). Port I/O goes through
/// <typeparamref name="TPort"/>: in/out instructions on bare metal, a simulated UART on the host.
/// </summary>
/// <typeparam name="TPort">The port-I/O back end (<see cref="BareMetalPortIo"/> or Redox.Testing's HostedPortIo).</typeparam>
public readonly struct MyDriverController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>How many status reads a byte may take before the device counts as stuck (a few ms even under emulation).</summary>
    public const int PollLimit = 100_000;

    private const ushort Data = 0, InterruptEnable = 1, FifoControl = 2, LineControlRegister = 3, ModemControlRegister = 4,
                         LineStatusRegister = 5, Scratch = 7;

    private readonly ushort _base;

    /// <summary>The UART whose registers start at <paramref name="basePort"/> (8 ports).</summary>
    public MyDriverController(ushort basePort)
    {
        _base = basePort;
    }

    /// <summary>
    /// Finds and sets up the UART: ENODEV when nothing answers at the base (absent I/O reads all ones), EIO when the
    /// loopback self-test byte does not come back. Then 115200 baud 8N1, no FIFO, no interrupts, loopback on.
    /// </summary>
    public Errno Initialize()
    {
        // The scratch register keeps what is written to it; an empty bus does not (PC16550D, "Scratchpad Register").
        Register(Scratch).Write(0x5A);
        if (Register(Scratch).Read() != 0x5A)
        {
            return Errno.ENODEV;
        }
        Register(InterruptEnable).Write(0);                          // polled: no interrupts
        Register(LineControlRegister).Write((byte)LineControl.DivisorLatch);
        Register(Data).Write(1);                                     // divisor 1: 115200 baud (DLL)
        Register(InterruptEnable).Write(0);                          // DLM
        Register(LineControlRegister).Write((byte)LineControl.EightBits);
        Register(FifoControl).Write(0);                              // one byte at a time
        Register(ModemControlRegister).Write((byte)ModemControl.Loopback);
        while (Register(LineStatusRegister).ReadFlags((byte)LineStatus.DataReady))
        {
            Register(Data).Read();                                   // drop whatever was received before
        }
        // Self-test, as Linux's 8250 driver does: a byte sent in loopback must come back unchanged.
        if (!TrySend(0xA5) || !TryReceive(out byte echoed) || echoed != 0xA5)
        {
            return Errno.EIO;
        }
        return 0;
    }

    /// <summary>Sends <paramref name="value"/> once the transmitter is empty; false when it never empties.</summary>
    public bool TrySend(byte value)
    {
        for (int i = 0; i < PollLimit; i++)
        {
            if (Register(LineStatusRegister).ReadFlags((byte)LineStatus.TransmitterEmpty))
            {
                Register(Data).Write(value);
                return true;
            }
        }
        return false;
    }

    /// <summary>Takes the received byte once there is one; false when none arrives.</summary>
    public bool TryReceive(out byte value)
    {
        for (int i = 0; i < PollLimit; i++)
        {
            if (Register(LineStatusRegister).ReadFlags((byte)LineStatus.DataReady))
            {
                value = Register(Data).Read();
                return true;
            }
        }
        value = 0;
        return false;
    }

    private Pio8<TPort> Register(ushort offset) => new((ushort)(_base + offset));
}

/// <summary>LSR bits (PC16550D, "Line Status Register").</summary>
[Flags]
public enum LineStatus : byte
{
    /// <summary>DR: a received byte waits in RBR.</summary>
    DataReady = 0x01,

    /// <summary>THRE: the transmitter holding register can take a byte.</summary>
    TransmitterEmpty = 0x20,
}

/// <summary>LCR bits (PC16550D, "Line Control Register").</summary>
[Flags]
public enum LineControl : byte
{
    /// <summary>WLS = 11: eight data bits, one stop bit, no parity.</summary>
    EightBits = 0x03,

    /// <summary>DLAB: offsets 0 and 1 are the divisor latch.</summary>
    DivisorLatch = 0x80,
}

/// <summary>MCR bits (PC16550D, "Modem Control Register").</summary>
[Flags]
public enum ModemControl : byte
{
    /// <summary>LOOP: the transmitter feeds the receiver; nothing reaches the line.</summary>
    Loopback = 0x10,
}
