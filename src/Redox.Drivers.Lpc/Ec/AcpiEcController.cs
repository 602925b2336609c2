using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Ec;

/// <summary>
/// The ACPI embedded controller interface (ACPI 6.5 §12.3): a data port (0x62) and a command/status port
/// (0x66) unless the ECDT or the EC's _CRS says otherwise. Before every byte the host writes, it waits for
/// IBF clear; before every byte it reads, for OBF set. Each wait is bounded by the <see cref="PollBudget"/>:
/// an EC that stops answering gives <c>EIO</c>, never a hang.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public readonly struct AcpiEcController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The conventional data port.</summary>
    public const ushort DefaultDataPort = 0x62;

    /// <summary>The conventional command/status port.</summary>
    public const ushort DefaultCommandPort = 0x66;

    /// <summary>RD_EC: read a byte of EC space.</summary>
    public const byte ReadCommand = 0x80;

    /// <summary>WR_EC: write a byte of EC space.</summary>
    public const byte WriteCommand = 0x81;

    /// <summary>BE_EC: burst enable (the EC answers 0x90 when it enters burst mode).</summary>
    public const byte BurstEnableCommand = 0x82;

    /// <summary>BD_EC: burst disable.</summary>
    public const byte BurstDisableCommand = 0x83;

    /// <summary>QR_EC: query the pending event (0 = none).</summary>
    public const byte QueryCommand = 0x84;

    /// <summary>The burst acknowledge byte.</summary>
    public const byte BurstAck = 0x90;

    private readonly ushort _data;
    private readonly ushort _command;
    private readonly PollBudget _budget;

    /// <summary>An EC at <paramref name="dataPort"/>/<paramref name="commandPort"/>.</summary>
    public AcpiEcController(ushort dataPort, ushort commandPort, PollBudget budget)
    {
        _data = dataPort;
        _command = commandPort;
        _budget = budget.OrDefault();
    }

    /// <summary>The status register.</summary>
    public EcStatus ReadStatus() => (EcStatus)TPort.In8(_command);

    /// <summary>
    /// True when an EC seems to be there: the status register does not read all ones (a floating bus) and IBF
    /// clears within the budget. QEMU has no EC: its status reads 0xFF.
    /// </summary>
    public bool Probe() => TPort.In8(_command) != 0xFF && WaitInputEmpty();

    /// <summary>Reads byte <paramref name="address"/> of EC space.</summary>
    public Errno ReadByte(byte address, out byte value)
    {
        value = 0;
        DiscardStaleOutput();
        if (!SendCommand(ReadCommand) || !SendData(address) || !WaitOutputFull())
        {
            return Errno.EIO;
        }
        value = TPort.In8(_data);
        return 0;
    }

    /// <summary>Writes byte <paramref name="address"/> of EC space.</summary>
    public Errno WriteByte(byte address, byte value)
    {
        DiscardStaleOutput();
        return SendCommand(WriteCommand) && SendData(address) && SendData(value) && WaitInputEmpty() ? 0 : Errno.EIO;
    }

    /// <summary>Fetches the pending event number (QR_EC); 0 means none was pending.</summary>
    public Errno Query(out byte eventNumber)
    {
        eventNumber = 0;
        DiscardStaleOutput();
        if (!SendCommand(QueryCommand) || !WaitOutputFull())
        {
            return Errno.EIO;
        }
        eventNumber = TPort.In8(_data);
        return 0;
    }

    /// <summary>Enters burst mode (the EC stays attentive for a run of accesses); <c>EIO</c> without the 0x90 acknowledge.</summary>
    public Errno BurstEnable()
    {
        DiscardStaleOutput();
        if (!SendCommand(BurstEnableCommand) || !WaitOutputFull())
        {
            return Errno.EIO;
        }
        return TPort.In8(_data) == BurstAck ? 0 : Errno.EIO;
    }

    /// <summary>Leaves burst mode.</summary>
    public Errno BurstDisable() => SendCommand(BurstDisableCommand) && WaitInputEmpty() ? 0 : Errno.EIO;

    private bool SendCommand(byte command)
    {
        if (!WaitInputEmpty())
        {
            return false;
        }
        TPort.Out8(_command, command);
        return true;
    }

    private bool SendData(byte value)
    {
        if (!WaitInputEmpty())
        {
            return false;
        }
        TPort.Out8(_data, value);
        return true;
    }

    private bool WaitInputEmpty()
    {
        for (int i = 0; i < _budget.Polls; i++)
        {
            if ((TPort.In8(_command) & (byte)EcStatus.InputFull) == 0)
            {
                return true;
            }
        }
        return false;
    }

    private bool WaitOutputFull()
    {
        for (int i = 0; i < _budget.Polls; i++)
        {
            if ((TPort.In8(_command) & (byte)EcStatus.OutputFull) != 0)
            {
                return true;
            }
        }
        return false;
    }

    // A byte left in the data register by an earlier, abandoned transaction would be read as our answer.
    private void DiscardStaleOutput()
    {
        for (int i = 0; i < 16 && (TPort.In8(_command) & (byte)EcStatus.OutputFull) != 0; i++)
        {
            TPort.In8(_data);
        }
    }
}
