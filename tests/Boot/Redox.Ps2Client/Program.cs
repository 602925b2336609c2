using Redox.Drivers.Ps2;
using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// The PS/2 boot tests' client: opens <c>ps2:keyboard</c> and <c>ps2:mouse</c> (non-blocking), waits on one
/// <c>event:</c> queue for both (readiness from ps2d's <c>fevent</c> answers and posts), and prints every record as
/// one line. It says <c>ready</c> once both are watched (the host then injects input through QEMU's monitor) and ends
/// after the Escape key's release, with 0 when every record arrived in sequence and nothing was dropped, 1 otherwise
/// (the kernel then leaves QEMU with the failure status). With argument <c>absent</c> it expects no ps2: scheme.
/// </summary>
public static unsafe class Program
{
    private const ushort Escape = 0x29;           // HID usage of Esc (HID Usage Tables §10)
    private const int Attempts = 1000;            // 10 ms naps: 10 s for ps2d to create its scheme

    private static uint s_nextKey, s_nextMouse;

    /// <summary>Prints every event until Escape is released; see the type.</summary>
    public static int Main()
    {
        bool absent = Process.ArgumentCount > 1 && Process.Argument(1).SequenceEqual("absent"u8);
        SyscallResult keyboard = OpenWhenServed("ps2:keyboard"u8, absent ? 300 : Attempts);
        if (absent)
        {
            if (keyboard.IsError && keyboard.Error == Errno.ENODEV)
            {
                Say("no ps2: scheme, as expected"u8);
                return 0;
            }
            return Fail("ps2:keyboard without a controller"u8, keyboard);
        }
        if (keyboard.IsError) return Fail("open ps2:keyboard"u8, keyboard);
        SyscallResult mouse = Sys.Open("ps2:mouse"u8, OpenFlags.ReadOnly | OpenFlags.NonBlock);
        if (mouse.IsError) return Fail("open ps2:mouse"u8, mouse);
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError) return Fail("open event:"u8, queue);
        Event* watch = stackalloc Event[2];
        watch[0] = new Event { Id = keyboard.Value, Flags = (ulong)EventFlags.Read, Data = 1 };
        watch[1] = new Event { Id = mouse.Value, Flags = (ulong)EventFlags.Read, Data = 2 };
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(watch, 2 * sizeof(Event)));
        if (subscribed.IsError) return Fail("watch both on event:"u8, subscribed);
        Say("ready"u8);

        Event* events = stackalloc Event[4];
        bool done = false;
        while (!done)
        {
            SyscallResult waited = Sys.Read((nuint)queue.Value, new Span<byte>(events, 4 * sizeof(Event)));
            if (waited.IsError) return Fail("wait on event:"u8, waited);
            // Both are drained on every wake-up: readiness of one may have merged with the other's.
            int keys = DrainKeys((nuint)keyboard.Value, ref done);
            if (keys < 0) return 1;
            if (DrainMouse((nuint)mouse.Value) < 0) return 1;
        }
        Say("escape released; done"u8);
        return 0;
    }

    private static SyscallResult OpenWhenServed(ReadOnlySpan<byte> path, int attempts)
    {
        SyscallResult opened = default;
        for (int i = 0; i < attempts; i++)
        {
            opened = Sys.Open(path, OpenFlags.ReadOnly | OpenFlags.NonBlock);
            if (!opened.IsError || opened.Error != Errno.ENODEV) return opened;
            Process.Sleep(10);
        }
        return opened;
    }

    private static int DrainKeys(nuint fd, ref bool done)
    {
        KeyEvent* records = stackalloc KeyEvent[8];
        int total = 0;
        while (true)
        {
            SyscallResult read = Sys.Read(fd, new Span<byte>(records, 8 * KeyEvent.Size));
            if (read.IsError && read.Error == Errno.EAGAIN) return total;
            if (read.IsError || read.Value % KeyEvent.Size != 0) return Fail("read ps2:keyboard"u8, read);
            int n = (int)(read.Value / KeyEvent.Size);
            for (int i = 0; i < n; i++)
            {
                KeyEvent* e = records + i;
                if (e->Sequence != s_nextKey || e->Dropped != 0) return Fail("key records out of sequence or dropped"u8, default);
                s_nextKey++;
                Line line = Line.Start();
                line.Text(e->Kind == KeyEventKind.Down ? "key down "u8 : e->Kind == KeyEventKind.Up ? "key up "u8 : "key repeat "u8);
                line.Byte((byte)(e->Usage >> 8));
                line.Byte((byte)e->Usage);
                line.Text(" mods "u8);
                line.Byte(e->Modifiers);
                line.Text(" locks "u8);
                line.Byte((byte)e->Locks);
                line.Text(" set "u8);
                line.Decimal((byte)e->Set);
                line.Text(" raw"u8);
                for (int b = 0; b < e->RawLength && b < 8; b++)
                {
                    line.Text(" "u8);
                    line.Byte(e->Raw[b]);
                }
                line.Write();
                if (e->Usage == Escape && e->Kind == KeyEventKind.Up) done = true;
            }
            total += n;
        }
    }

    private static int DrainMouse(nuint fd)
    {
        MouseEvent* records = stackalloc MouseEvent[8];
        int total = 0;
        while (true)
        {
            SyscallResult read = Sys.Read(fd, new Span<byte>(records, 8 * MouseEvent.Size));
            if (read.IsError && read.Error == Errno.EAGAIN) return total;
            if (read.IsError || read.Value % MouseEvent.Size != 0) return Fail("read ps2:mouse"u8, read);
            int n = (int)(read.Value / MouseEvent.Size);
            for (int i = 0; i < n; i++)
            {
                MouseEvent* e = records + i;
                if (e->Sequence != s_nextMouse || e->Dropped != 0) return Fail("mouse records out of sequence or dropped"u8, default);
                s_nextMouse++;
                Line line = Line.Start();
                line.Text("mouse dx "u8);
                line.Signed(e->Dx);
                line.Text(" dy "u8);
                line.Signed(e->Dy);
                line.Text(" wheel "u8);
                line.Signed(e->Wheel);
                line.Text(" buttons "u8);
                line.Byte((byte)e->Buttons);
                line.Text(" id "u8);
                line.Decimal(e->DeviceId);
                line.Write();
            }
            total += n;
        }
    }

    private static void Say(ReadOnlySpan<byte> what)
    {
        Line line = Line.Start();
        line.Text(what);
        line.Write();
    }

    private static int Fail(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Line line = Line.Start();
        line.Text("FAILED: "u8);
        line.Text(what);
        if (result.IsError)
        {
            line.Text(", errno "u8);
            line.Decimal((ulong)result.Error);
        }
        line.Write();
        return -1;
    }
}
