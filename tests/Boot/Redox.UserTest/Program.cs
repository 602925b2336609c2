using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// A ring-3 program for the boot tests: argv[1] names what it does (print, allocate, sleep, fault in one of many
/// ways, exercise the syscalls). It reports on descriptor 1 (debug:) and ends with an exit code the test checks.
/// </summary>
public static unsafe class Program
{
    /// <summary>The program's entry.</summary>
    public static int Main()
    {
        ReadOnlySpan<byte> scenario = Process.Argument(1);
        if (scenario.SequenceEqual("hello"u8)) return Hello();
        Print("usertest: unknown scenario\n"u8);
        return 2;
    }

    private static int Hello()
    {
        Print("usertest: hello from ring 3, pid "u8);
        PrintNumber((ulong)Process.Id);
        Print("\n"u8);
        return 7;
    }

    private static void Print(ReadOnlySpan<byte> text) => Sys.Write(1, text);

    private static void PrintNumber(ulong value)
    {
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[19 - count++] = (byte)('0' + value % 10);
            value /= 10;
        } while (value != 0);
        Sys.Write(1, new ReadOnlySpan<byte>(digits + 20 - count, count));
    }
}
