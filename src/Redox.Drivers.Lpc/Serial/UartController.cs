using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// The registers and commands of one 8250/16450/16550-family UART (PC16550D datasheet): detection, the
/// loopback self-test, line settings, FIFO set-up. Stateless apart from its base port; buffers and
/// interrupt handling are <see cref="UartPort{TPort}"/>'s.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public readonly struct UartController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>COM1's base: the kernel's log. This driver never touches it.</summary>
    public const ushort Com1 = 0x3F8;

    /// <summary>COM2's base (IRQ 3).</summary>
    public const ushort Com2 = 0x2F8;

    /// <summary>COM3's base (IRQ 4, shared with COM1 on PCs).</summary>
    public const ushort Com3 = 0x3E8;

    /// <summary>COM4's base (IRQ 3, shared with COM2).</summary>
    public const ushort Com4 = 0x2E8;

    /// <summary>Registers per UART.</summary>
    public const int PortCount = 8;

    private readonly ushort _base;

    /// <summary>A UART at <paramref name="basePort"/>.</summary>
    public UartController(ushort basePort)
    {
        _base = basePort;
    }

    /// <summary>The base port.</summary>
    public ushort Base => _base;

    /// <summary>The standard base of COM<paramref name="number"/> (1-4), 0 otherwise.</summary>
    public static ushort BaseOf(int number) => number switch
    {
        1 => Com1,
        2 => Com2,
        3 => Com3,
        4 => Com4,
        _ => 0,
    };

    /// <summary>The conventional ISA IRQ of COM<paramref name="number"/>: 4 for COM1/COM3, 3 for COM2/COM4.</summary>
    public static byte IrqOf(int number) => (byte)(number == 1 || number == 3 ? 4 : 3);

    /// <summary>Reads register <paramref name="offset"/>.</summary>
    public byte Read(ushort offset) => TPort.In8((ushort)(_base + offset));

    /// <summary>Writes register <paramref name="offset"/>.</summary>
    public void Write(ushort offset, byte value) => TPort.Out8((ushort)(_base + offset), value);

    /// <summary>LSR.</summary>
    public LineStatus ReadLineStatus() => (LineStatus)Read(UartRegister.LineStatus);

    /// <summary>
    /// Finds out what is at the base, leaving interrupts off and FIFOs set up for the kind found:
    /// <list type="number">
    /// <item>presence: in loopback, MSR's top nibble mirrors MCR's low nibble (all clear, then all set), which a
    /// floating bus (0xFF) or another device cannot fake;</item>
    /// <item>FIFO: write FCR enable; IIR bits 7:6 read 11 on a 16550A, 10 on the 16550 with the broken FIFO,
    /// 00 without FIFO;</item>
    /// <item>scratch: without FIFO, a working scratch register tells the 16450 from the 8250.</item>
    /// </list>
    /// </summary>
    public UartKind Detect()
    {
        Write(UartRegister.InterruptEnable, 0);
        byte savedMcr = Read(UartRegister.ModemControl);
        Write(UartRegister.ModemControl, (byte)ModemControl.Loopback);
        bool allClear = (Read(UartRegister.ModemStatus) & 0xF0) == 0x00;
        Write(UartRegister.ModemControl, 0x1F);
        bool allSet = (Read(UartRegister.ModemStatus) & 0xF0) == 0xF0;
        Write(UartRegister.ModemControl, savedMcr == 0xFF ? (byte)0 : savedMcr);
        if (!allClear || !allSet)
        {
            return UartKind.Absent;
        }

        Write(UartRegister.InterruptIdFifoControl, (byte)(FifoControl.Enable | FifoControl.ClearReceive | FifoControl.ClearTransmit | FifoControl.Trigger14));
        int fifo = Read(UartRegister.InterruptIdFifoControl) >> 6;
        if (fifo == 3)
        {
            return UartKind.Uart16550A;
        }
        Write(UartRegister.InterruptIdFifoControl, 0); // a broken or missing FIFO stays off
        if (fifo == 2)
        {
            return UartKind.Uart16550;
        }
        Write(UartRegister.Scratch, 0x55);
        bool scratch = Read(UartRegister.Scratch) == 0x55;
        Write(UartRegister.Scratch, 0xAA);
        scratch &= Read(UartRegister.Scratch) == 0xAA;
        return scratch ? UartKind.Uart16450 : UartKind.Uart8250;
    }

    /// <summary>Bytes that may be written at once when THRE is set: 16 with a working FIFO, else 1.</summary>
    public static int TransmitDepth(UartKind kind) => kind == UartKind.Uart16550A ? 16 : 1;

    /// <summary>
    /// The loopback self-test (MCR bit 4): each test byte written to THR must come back in RBR. Interrupts
    /// must be off. Each wait for DR costs at most <paramref name="budget"/> polls. Restores MCR; the receive
    /// side is left empty. True when every byte came back.
    /// </summary>
    public bool SelfTest(PollBudget budget)
    {
        byte savedMcr = Read(UartRegister.ModemControl);
        Write(UartRegister.ModemControl, (byte)(ModemControl.Loopback | ModemControl.RequestToSend | ModemControl.DataTerminalReady));
        DrainReceiver(budget);
        bool ok = Echo(0x55, budget) && Echo(0xAA, budget) && Echo(0x00, budget) && Echo(0xFF, budget);
        Write(UartRegister.ModemControl, savedMcr);
        DrainReceiver(budget);
        return ok;
    }

    /// <summary>Programs <paramref name="settings"/> (divisor latch, then LCR); <c>EINVAL</c> when impossible, nothing written then.</summary>
    public Errno Apply(in LineSettings settings)
    {
        Errno invalid = settings.Validate();
        if (invalid != 0)
        {
            return invalid;
        }
        ushort divisor = settings.Divisor;
        Write(UartRegister.LineControl, 0x80); // DLAB: offsets 0 and 1 become the divisor latch
        Write(UartRegister.Data, (byte)divisor);
        Write(UartRegister.InterruptEnable, (byte)(divisor >> 8));
        Write(UartRegister.LineControl, settings.LineControl);
        return 0;
    }

    /// <summary>Reads the settings back from the chip (divisor latch and LCR).</summary>
    public LineSettings ReadSettings()
    {
        byte lcr = Read(UartRegister.LineControl);
        Write(UartRegister.LineControl, (byte)(lcr | 0x80));
        ushort divisor = (ushort)(Read(UartRegister.Data) | (Read(UartRegister.InterruptEnable) << 8));
        Write(UartRegister.LineControl, (byte)(lcr & 0x7F));
        return LineSettings.FromRegisters(divisor, lcr);
    }

    private bool Echo(byte value, PollBudget budget)
    {
        Write(UartRegister.Data, value);
        for (int i = 0; i < budget.Polls; i++)
        {
            if ((ReadLineStatus() & LineStatus.DataReady) != 0)
            {
                return Read(UartRegister.Data) == value;
            }
        }
        return false;
    }

    private void DrainReceiver(PollBudget budget)
    {
        for (int i = 0; i < budget.Polls && (ReadLineStatus() & LineStatus.DataReady) != 0; i++)
        {
            Read(UartRegister.Data);
        }
    }
}
