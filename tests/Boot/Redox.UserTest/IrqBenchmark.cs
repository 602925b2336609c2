using Redox.Runtime;
using Redox.Syscall;
using Redox.Syscall.Io;

/// <summary>
/// IRQ-to-driver latency: from the instruction that raises an interrupt line to the driver's blocked <c>read</c> of
/// <c>irq:3</c> returning. The source is the second 16550 UART (COM2, ports 0x2F8-0x2FF, IRQ 3; QEMU gives the machine
/// one with a second <c>-serial</c>): enabling its transmitter-empty interrupt while the transmitter is empty raises
/// the line at once (16550 data sheet, IER bit 1), so the moment is known to the instruction. A trigger process takes
/// the timestamp, writes IER and yields at once (the kernel does not preempt on a wake-up: the woken driver runs at the
/// next switch); the driver reads the timestamp after its read returns. So the figure is: interrupt entry, the
/// kernel's count, mask and wake, return to the trigger, its <c>yield</c> syscall, the switch, and the driver's return
/// to ring 3. The trigger hands its timestamp over afterwards through CMOS RAM bytes 0x40-0x48 (general-purpose NVRAM,
/// not the clock), outside the measured span. No Linux peer: the Linux guest has no driver in user space to compare.
/// </summary>
internal static unsafe class IrqBenchmark
{
    private const ushort Com2 = 0x2F8, Ier = Com2 + 1, Iir = Com2 + 2, Lcr = Com2 + 3, Mcr = Com2 + 4, Scratch = Com2 + 7;
    private const ushort CmosIndex = 0x70, CmosData = 0x71;
    private const byte NoNmi = 0x80, Mailbox = 0x40, State = 0x48;
    private const byte DriverWaiting = 1, WantTimestamp = 2, TimestampReady = 3, Done = 4;
    private const int Interrupts = 100;

    /// <summary>The driver (grants: irq 3, ports 0x2F8-0x2FF and 0x70-0x71): blocked on irq:3, prints the median.</summary>
    public static int Driver()
    {
        if (!Com2Present())
        {
            SetState(Done);
            Output.Line("bench: irq skipped (no COM2: give QEMU a second -serial)"u8);
            return 0;
        }
        SyscallResult irq = Sys.Open("irq:3"u8, OpenFlags.ReadWrite);
        if (irq.IsError) return Output.Fail("bench-irq: open irq:3"u8, irq);
        BareMetalPortIo.Out8(Lcr, 0x03);                    // 8 data bits, no parity, 1 stop bit; DLAB off
        BareMetalPortIo.Out8(Mcr, 0x08);                    // OUT2: a PC routes the UART's interrupt only with it set
        BareMetalPortIo.Out8(Ier, 0);
        BareMetalPortIo.In8(Iir);

        ulong* samples = stackalloc ulong[Interrupts];
        for (int i = 0; i < Interrupts; i++)
        {
            SetState(DriverWaiting);
            ulong count;
            SyscallResult read = Sys.Read((nuint)irq.Value, new Span<byte>(&count, sizeof(ulong)));
            ulong arrived = Native.ReadTimestampCounter();
            if (read.IsError || read.Value != sizeof(ulong)) return Output.Fail("bench-irq: read irq:3"u8, read);
            BareMetalPortIo.Out8(Ier, 0);                   // the device: no more transmitter interrupts
            BareMetalPortIo.In8(Iir);
            SyscallResult acked = Sys.Write((nuint)irq.Value, new ReadOnlySpan<byte>(&count, sizeof(ulong)));
            if (acked.IsError || acked.Value != sizeof(ulong)) return Output.Fail("bench-irq: acknowledge"u8, acked);
            SetState(WantTimestamp);
            while (GetByte(State) != TimestampReady) Sys.Yield();
            ulong raised = 0;
            for (int b = 7; b >= 0; b--) raised = (raised << 8) | GetByte((byte)(Mailbox + b));
            samples[i] = arrived > raised ? arrived - raised : 0;
        }
        SetState(Done);
        Sys.Close((nuint)irq.Value);
        Output.Text("bench: irq to driver (COM2 IRQ 3 raised -> driver's irq: read returns) "u8);
        Output.Number(GuestBenchmarks.Median(samples, Interrupts));
        Output.Line(" ticks"u8);
        return 0;
    }

    /// <summary>The trigger (grants: ports 0x2F8-0x2FF and 0x70-0x71): raises the line whenever the driver waits.</summary>
    public static int Trigger()
    {
        while (true)
        {
            byte state = GetByte(State);
            if (state == Done) return 0;
            if (state != DriverWaiting)
            {
                Sys.Yield();
                continue;
            }
            ulong raised = Native.ReadTimestampCounter();
            BareMetalPortIo.Out8(Ier, 0x02);                // THRE interrupt on, transmitter empty: IRQ 3 now
            Sys.Yield();                                    // the driver runs
            while (GetByte(State) == DriverWaiting) Sys.Yield();
            if (GetByte(State) == Done) return 0;
            for (int b = 0; b < 8; b++) SetByte((byte)(Mailbox + b), (byte)(raised >> (8 * b)));
            SetState(TimestampReady);
            while (GetByte(State) == TimestampReady) Sys.Yield();
        }
    }

    /// <summary>COM2 answers when its scratch register keeps what was written (unassigned ports read 0xFF).</summary>
    private static bool Com2Present()
    {
        BareMetalPortIo.Out8(Scratch, 0x5A);
        if (BareMetalPortIo.In8(Scratch) != 0x5A) return false;
        BareMetalPortIo.Out8(Scratch, 0xA5);
        return BareMetalPortIo.In8(Scratch) == 0xA5;
    }

    private static void SetState(byte state) => SetByte(State, state);

    private static byte GetByte(byte index)
    {
        BareMetalPortIo.Out8(CmosIndex, (byte)(NoNmi | index));
        return BareMetalPortIo.In8(CmosData);
    }

    private static void SetByte(byte index, byte value)
    {
        BareMetalPortIo.Out8(CmosIndex, (byte)(NoNmi | index));
        BareMetalPortIo.Out8(CmosData, value);
    }
}
