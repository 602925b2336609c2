using Redox.Runtime;
using Redox.Syscall;

/// <summary>A ring-3 program: sleeps three times, printing the monotonic clock, and exits with 0.</summary>
public static unsafe class Program
{
    /// <summary>Runs in its own address space; its return value is the exit code the kernel reports.</summary>
    public static int Main()
    {
        ulong start = Process.MonotonicNanoseconds();
        for (int round = 1; round <= 3; round++)
        {
            Process.Sleep(100);
            ulong elapsed = (Process.MonotonicNanoseconds() - start) / 1_000_000;
            Sys.Write(1, "sleeper: woke after "u8);
            WriteNumber(elapsed);
            Sys.Write(1, " ms\n"u8);
        }
        return 0;
    }

    private static void WriteNumber(ulong value)
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
