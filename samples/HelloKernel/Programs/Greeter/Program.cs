using Redox.Runtime;
using Redox.Syscall;

/// <summary>A ring-3 program: greets through debug:, builds a table on its own heap, and exits with 0.</summary>
public static class Program
{
    /// <summary>Runs in its own address space; its return value is the exit code the kernel reports.</summary>
    public static int Main()
    {
        Sys.Write(1, "greeter: hello from ring 3, "u8);
        for (int i = 1; i < Process.ArgumentCount; i++)
        {
            Sys.Write(1, Process.Argument(i));
            Sys.Write(1, " "u8);
        }
        Sys.Write(1, "\n"u8);
        // The heap is the process's own: anonymous memory the kernel maps on demand.
        long[] squares = new long[4096];
        long sum = 0;
        for (int i = 0; i < squares.Length; i++)
        {
            squares[i] = (long)i * i;
            sum += squares[i];
        }
        Sys.Write(1, sum == 22_898_104_320 ? "greeter: 4096 squares summed on my own heap\n"u8 : "greeter: wrong sum\n"u8);
        return sum == 22_898_104_320 ? 0 : 1;
    }
}
