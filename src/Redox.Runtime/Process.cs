using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// The calling process, through the kernel's process calls: its id, exit, waiting for and killing other
/// processes, yielding and sleeping. Redox.NET keeps process management in the kernel (Redox.Syscall's README).
/// </summary>
public static unsafe class Process
{
    private static int s_argumentCount;
    private static byte** s_arguments;

    /// <summary>Number of arguments (argv[0] is the program's name).</summary>
    public static int ArgumentCount => s_argumentCount;

    /// <summary>Argument <paramref name="index"/> as UTF-8 (empty when out of range).</summary>
    public static ReadOnlySpan<byte> Argument(int index)
    {
        if ((uint)index >= (uint)s_argumentCount) return default;
        byte* text = s_arguments[index];
        int length = 0;
        while (text[length] != 0) length++;
        return new ReadOnlySpan<byte>(text, length);
    }

    internal static void SetArguments(int count, byte** arguments)
    {
        s_argumentCount = count;
        s_arguments = arguments;
    }

    /// <summary>This process's id.</summary>
    public static int Id => (int)Sys.Getpid().Value;

    /// <summary>Ends the process with <paramref name="code"/> (the parent sees it in bits 8-15 of the wait status).</summary>
    public static void Exit(int code)
    {
        while (true) Sys.Exit((nuint)(uint)code);
    }

    /// <summary>Gives the CPU to another ready thread.</summary>
    public static void Yield() => Sys.Yield();

    /// <summary>Sleeps at least <paramref name="milliseconds"/> (the kernel rounds up to its 10 ms tick).</summary>
    public static SyscallResult Sleep(ulong milliseconds)
    {
        TimeSpec request;
        request.Seconds = (long)(milliseconds / 1000);
        request.Nanoseconds = (int)(milliseconds % 1000 * 1_000_000);
        return Sys.Nanosleep(request, out _);
    }

    /// <summary>Nanoseconds on the monotonic clock (since boot).</summary>
    public static ulong MonotonicNanoseconds() =>
        Sys.ClockGettime(ClockId.Monotonic, out TimeSpec now).IsError ? 0 : (ulong)now.Seconds * 1_000_000_000UL + (ulong)now.Nanoseconds;

    /// <summary>waitpid: waits for child <paramref name="id"/> (-1: any) to end; the value is its id, <paramref name="status"/> its wait status.</summary>
    public static SyscallResult Wait(int id, out int status)
    {
        SyscallResult result = Sys.Waitpid((nuint)(nint)id, out nuint word, 0);
        status = (int)word;
        return result;
    }

    /// <summary>kill: ends process <paramref name="id"/> by <paramref name="signal"/>.</summary>
    public static SyscallResult Kill(int id, Signal signal) => Sys.Kill((nuint)(nint)id, signal);
}
