using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// What the core library calls when the program cannot go on (an unhandled exception, out of memory): one line on
/// descriptor 2 (the debug console), then the process ends by SIGABRT. The kernel and every other process go on.
/// The line says what the kernel's own panic says (the exception's type name, from the type-name table Redox.Sdk
/// links into every program as into the kernel, and its message), in lower case so that a log reader can tell a
/// process's end from the kernel's.
/// </summary>
public static unsafe class ProcessPanic
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_type_name_table")]
    private static extern ulong* TypeNameTable();

    [UnmanagedCallersOnly(EntryPoint = "redox_panic")]
    private static void RuntimePanic(char* kind, int kindLength, char* message, int messageLength)
    {
        Write("panic: "u8);
        Write(new ReadOnlySpan<char>(kind, kindLength));
        Write(": "u8);
        Write(new ReadOnlySpan<char>(message, messageLength));
        Write("\n"u8);
        Abort();
    }

    [UnmanagedCallersOnly(EntryPoint = "redox_panic_exception")]
    private static void ExceptionPanic(void* methodTable, char* message, int messageLength)
    {
        Write("panic: unhandled exception "u8);
        ReadOnlySpan<byte> name = FindTypeName(TypeNameTable(), (ulong)methodTable);
        if (name.IsEmpty) WriteHex((ulong)methodTable);
        else Write(name);
        Write(": "u8);
        Write(new ReadOnlySpan<char>(message, messageLength));
        Write("\n"u8);
        Abort();
    }

    private static void Abort()
    {
        Process.Kill(Process.Id, Signal.SIGABRT);
        Process.Exit(128 + (int)Signal.SIGABRT);
    }

    /// <summary>
    /// Binary search of the linked table: a count, then (MethodTable address, C-string pointer) pairs sorted by
    /// address (the same table and search as the kernel's TypeNames, which a program cannot reference).
    /// </summary>
    private static ReadOnlySpan<byte> FindTypeName(ulong* table, ulong methodTable)
    {
        if (table == null) return default;
        long low = 0, high = (long)table[0] - 1;
        ulong* entries = table + 1;
        while (low <= high)
        {
            long middle = (low + high) / 2;
            ulong address = entries[middle * 2];
            if (address == methodTable)
            {
                byte* name = (byte*)entries[middle * 2 + 1];
                int length = 0;
                while (name[length] != 0) length++;
                return new ReadOnlySpan<byte>(name, length);
            }
            if (address < methodTable) low = middle + 1;
            else high = middle - 1;
        }
        return default;
    }

    private static void WriteHex(ulong value)
    {
        byte* digits = stackalloc byte[18];
        digits[0] = (byte)'0';
        digits[1] = (byte)'x';
        for (int i = 0; i < 16; i++) digits[17 - i] = (byte)"0123456789abcdef"[(int)(value >> (i * 4)) & 0xF];
        Sys.Write(2, new ReadOnlySpan<byte>(digits, 18));
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
