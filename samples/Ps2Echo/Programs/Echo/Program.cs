using Redox.Drivers.Ps2;
using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// echo: a tiny line echo over <c>ps2:keyboard</c> and a mouse reporter over <c>ps2:mouse</c>, both watched through one
/// <c>event:</c> queue. Enter prints the typed line, Backspace takes a character back, Escape ends the program (and so
/// the image). Every mouse record is printed as it comes.
/// </summary>
public static unsafe class Program
{
    private const ushort Enter = 0x28, Escape = 0x29, Backspace = 0x2A, KeypadEnter = 0x58;
    private const int Attempts = 1000;             // 10 ms naps: up to 10 s for ps2d to create ps2:

    private static readonly byte[] s_typed = new byte[120];
    private static int s_length;

    /// <summary>0 after Escape; 1 when ps2: never appeared or a call failed (printed).</summary>
    public static int Main()
    {
        SyscallResult keyboard = OpenWhenServed("ps2:keyboard"u8);
        if (keyboard.IsError) return Failed("ps2:keyboard"u8, keyboard);
        // A PS/2 mouse is optional: without one the echo still works.
        SyscallResult mouse = Sys.Open("ps2:mouse"u8, OpenFlags.ReadOnly | OpenFlags.NonBlock);
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError) return Failed("event:"u8, queue);
        Event* watch = stackalloc Event[2];
        watch[0] = new Event { Id = keyboard.Value, Flags = (ulong)EventFlags.Read };
        watch[1] = new Event { Id = mouse.IsOk ? mouse.Value : 0, Flags = (ulong)EventFlags.Read };
        SyscallResult watched = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(watch, (mouse.IsOk ? 2 : 1) * sizeof(Event)));
        if (watched.IsError) return Failed("event: watch"u8, watched);
        Sys.Write(1, "echo: type in the QEMU window (Enter prints the line, Escape quits); move the mouse\n"u8);

        Event* events = stackalloc Event[4];
        KeyEvent* keys = stackalloc KeyEvent[8];
        MouseEvent* moves = stackalloc MouseEvent[8];
        while (true)
        {
            SyscallResult waited = Sys.Read((nuint)queue.Value, new Span<byte>(events, 4 * sizeof(Event)));
            if (waited.IsError) return Failed("event: wait"u8, waited);
            SyscallResult read;
            while ((read = Sys.Read((nuint)keyboard.Value, new Span<byte>(keys, 8 * KeyEvent.Size))).IsOk)
            {
                for (int i = 0; i < (int)(read.Value / KeyEvent.Size); i++)
                {
                    if (!Key(keys[i])) return 0;
                }
            }
            while (mouse.IsOk && (read = Sys.Read((nuint)mouse.Value, new Span<byte>(moves, 8 * MouseEvent.Size))).IsOk)
            {
                for (int i = 0; i < (int)(read.Value / MouseEvent.Size); i++) Mouse(moves[i]);
            }
        }
    }

    // False once Escape is released.
    private static bool Key(in KeyEvent key)
    {
        if (key.Kind == KeyEventKind.Up) return key.Usage != Escape;
        if (key.Usage == Enter || key.Usage == KeypadEnter)
        {
            Line("echo: you typed: "u8, new ReadOnlySpan<byte>(s_typed, 0, s_length));
            s_length = 0;
        }
        else if (key.Usage == Backspace)
        {
            if (s_length > 0) s_length--;
        }
        else
        {
            byte c = Keymap.Character(key);
            if (c != 0 && s_length < s_typed.Length) s_typed[s_length++] = c;
        }
        return true;
    }

    private static void Mouse(in MouseEvent move)
    {
        Span<byte> text = stackalloc byte[80];
        int n = 0;
        Append(text, ref n, "dx "u8);
        Number(text, ref n, move.Dx);
        Append(text, ref n, " dy "u8);
        Number(text, ref n, move.Dy);
        Append(text, ref n, " wheel "u8);
        Number(text, ref n, move.Wheel);
        Append(text, ref n, " buttons"u8);
        if ((move.Buttons & MouseButtons.Left) != 0) Append(text, ref n, " left"u8);
        if ((move.Buttons & MouseButtons.Middle) != 0) Append(text, ref n, " middle"u8);
        if ((move.Buttons & MouseButtons.Right) != 0) Append(text, ref n, " right"u8);
        if ((move.Buttons & MouseButtons.Button4) != 0) Append(text, ref n, " 4"u8);
        if ((move.Buttons & MouseButtons.Button5) != 0) Append(text, ref n, " 5"u8);
        if (move.Buttons == MouseButtons.None) Append(text, ref n, " none"u8);
        Line("echo: mouse "u8, text.Slice(0, n));
    }

    private static SyscallResult OpenWhenServed(ReadOnlySpan<byte> path)
    {
        SyscallResult opened = default;
        for (int i = 0; i < Attempts; i++)
        {
            opened = Sys.Open(path, OpenFlags.ReadOnly | OpenFlags.NonBlock);
            // ENODEV: nobody serves ps2: yet (ps2d is still starting), or the keyboard is missing.
            if (!opened.IsError || opened.Error != Errno.ENODEV) return opened;
            Process.Sleep(10);
        }
        return opened;
    }

    private static int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Span<byte> text = stackalloc byte[80];
        int n = 0;
        Append(text, ref n, what);
        Append(text, ref n, " failed, errno "u8);
        Number(text, ref n, (int)result.Error);
        Line("echo: "u8, text.Slice(0, n));
        return 1;
    }

    // One write per line, so other programs' lines cannot cut into it.
    private static void Line(ReadOnlySpan<byte> head, ReadOnlySpan<byte> rest)
    {
        Span<byte> line = stackalloc byte[200];
        int n = 0;
        Append(line, ref n, head);
        Append(line, ref n, rest);
        if (n == line.Length) n--;
        line[n++] = (byte)'\n';
        Sys.Write(1, line.Slice(0, n));
    }

    private static void Append(Span<byte> line, ref int length, ReadOnlySpan<byte> text)
    {
        int n = text.Length < line.Length - length ? text.Length : line.Length - length;
        text.Slice(0, n).CopyTo(line.Slice(length));
        length += n;
    }

    private static void Number(Span<byte> line, ref int length, int value)
    {
        Span<byte> digits = stackalloc byte[12];
        int at = digits.Length;
        uint magnitude = value < 0 ? (uint)-(long)value : (uint)value;
        do
        {
            digits[--at] = (byte)('0' + magnitude % 10);
            magnitude /= 10;
        }
        while (magnitude != 0);
        if (value < 0) digits[--at] = (byte)'-';
        Append(line, ref length, digits.Slice(at));
    }
}
