using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// What the core library calls when the program cannot go on (an unhandled exception, out of memory): one line on
/// descriptor 2 (the debug console), then the process ends by SIGABRT. The kernel and every other process go on.
/// </summary>
public static unsafe class ProcessPanic
{

    [UnmanagedCallersOnly(EntryPoint = "redox_panic")]
    private static void RuntimePanic(char* kind, int kindLength, char* message, int messageLength)
    {
        Write("panic: "u8);
        Write(new ReadOnlySpan<char>(kind, kindLength));
        Write(": "u8);
        Write(new ReadOnlySpan<char>(message, messageLength));
        Write("\n"u8);
        Process.Kill(Process.Id, Signal.SIGABRT);
        Process.Exit(128 + (int)Signal.SIGABRT);
    }

    [UnmanagedCallersOnly(EntryPoint = "redox_panic_exception")]
    private static void ExceptionPanic(void* methodTable, char* message, int messageLength)
    {
        Write("panic: unhandled exception: "u8);
        Write(new ReadOnlySpan<char>(message, messageLength));
        Write("\n"u8);
        Process.Kill(Process.Id, Signal.SIGABRT);
        Process.Exit(128 + (int)Signal.SIGABRT);
    }

    private static void Write(ReadOnlySpan<byte> text) => Sys.Write(2, text);

    private static void Write(ReadOnlySpan<char> text)
    {
        // ASCII is enough for panic text; anything else prints as '?'. No allocation: a stack buffer per chunk.
        byte* chunk = stackalloc byte[64];
        for (int start = 0; start < text.Length; start += 64)
        {
            int n = text.Length - start < 64 ? text.Length - start : 64;
            for (int i = 0; i < n; i++) chunk[i] = text[start + i] < 128 ? (byte)text[start + i] : (byte)'?';
            Sys.Write(2, new ReadOnlySpan<byte>(chunk, n));
        }
    }
}
