using Redox.Runtime;
using Redox.Syscall;
using Redox.Syscall.Io;

/// <summary>
/// Interrupts reaching a ring-3 driver through <c>irq:</c>: the RTC's periodic interrupt (IRQ 8), programmed through the
/// driver's granted ports 0x70-0x71, waited for through an <c>event:</c> queue, acknowledged at the device (register C)
/// and at the kernel (the count written back to <c>irq:8</c>, which unmasks the line).
/// </summary>
public static unsafe class IrqScenarios
{
    private const ushort Index = 0x70, Data = 0x71;
    private const byte NoNmi = 0x80, RegisterA = 0x0A, RegisterB = 0x0B, RegisterC = 0x0C;
    private const ulong Cookie = 0x5EED;

    /// <summary>Three RTC interrupts delivered, each acknowledged; the value is 0 when all went as Redox's irq: says.</summary>
    public static int RtcPeriodic()
    {
        SyscallResult irq = Sys.Open("irq:8"u8, OpenFlags.ReadWrite);
        if (irq.IsError) return Fail("open irq:8"u8, irq);
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError) return Fail("open event:"u8, queue);
        Event subscription = new Event { Id = irq.Value, Flags = (ulong)EventFlags.Read, Data = Cookie };
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(&subscription, sizeof(Event)));
        if (subscribed.IsError) return Fail("subscribe irq:8"u8, subscribed);

        // 64 Hz periodic interrupts (rate 10), then clear anything pending.
        BareMetalPortIo.Out8(Index, NoNmi | RegisterA);
        byte a = BareMetalPortIo.In8(Data);
        BareMetalPortIo.Out8(Index, NoNmi | RegisterA);
        BareMetalPortIo.Out8(Data, (byte)((a & 0xF0) | 10));
        BareMetalPortIo.Out8(Index, NoNmi | RegisterB);
        byte b = BareMetalPortIo.In8(Data);
        BareMetalPortIo.Out8(Index, NoNmi | RegisterB);
        BareMetalPortIo.Out8(Data, (byte)(b | 0x40));
        BareMetalPortIo.Out8(Index, RegisterC);
        BareMetalPortIo.In8(Data);

        ulong last = 0;
        for (int i = 0; i < 3; i++)
        {
            Event arrived;
            SyscallResult waited = Sys.Read((nuint)queue.Value, new Span<byte>(&arrived, sizeof(Event)));
            if (waited.IsError || waited.Value != (ulong)sizeof(Event)) return Fail("wait on the event queue"u8, waited);
            if (arrived.Id != irq.Value || arrived.Data != Cookie || (arrived.Flags & (ulong)EventFlags.Read) == 0)
                return Output.Fail("usertest: the event names another descriptor"u8);
            ulong count;
            SyscallResult read = Sys.Read((nuint)irq.Value, new Span<byte>(&count, sizeof(ulong)));
            if (read.IsError || read.Value != sizeof(ulong) || count <= last) return Fail("read the interrupt count"u8, read);
            last = count;
            BareMetalPortIo.Out8(Index, RegisterC);                  // the device: this interrupt is handled
            BareMetalPortIo.In8(Data);
            SyscallResult acked = Sys.Write((nuint)irq.Value, new ReadOnlySpan<byte>(&count, sizeof(ulong)));
            if (acked.IsError || acked.Value != sizeof(ulong)) return Fail("acknowledge with the current count"u8, acked);
        }
        // A stale count is not an acknowledgement.
        ulong stale = last - 1;
        SyscallResult refused = Sys.Write((nuint)irq.Value, new ReadOnlySpan<byte>(&stale, sizeof(ulong)));
        BareMetalPortIo.Out8(Index, NoNmi | RegisterB);
        BareMetalPortIo.Out8(Data, b);
        if (refused.IsError || refused.Value != 0) return Fail("a stale count acknowledges nothing"u8, refused);
        Output.Text("usertest: rtc irq 8 delivered 3 events through event:, count "u8);
        Output.Number(last);
        Output.Line(""u8);
        return 0;
    }

    /// <summary>A process whose manifest grants no interrupt line cannot open one.</summary>
    public static int Denied()
    {
        SyscallResult irq = Sys.Open("irq:8"u8, OpenFlags.ReadWrite);
        if (!irq.IsError || irq.Error != Errno.EACCES) return Fail("irq:8 without a grant is EACCES"u8, irq);
        Output.Line("usertest: irq:8 without a grant is EACCES"u8);
        return 0;
    }

    private static int Fail(ReadOnlySpan<byte> what, SyscallResult result) => Output.Fail(what, result);
}
