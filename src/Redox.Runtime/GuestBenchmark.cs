using System.Runtime;
using System.Runtime.CompilerServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// A driver's scheme measured in the guest: a ring-3 program calls the scheme through the kernel, as any client does, and
/// counts what each call costs on the CPU's timestamp counter. Under <c>qemu-system-x86_64 -icount shift=0</c> (what an
/// image gets with <c>dotnet run -p:RedoxBenchmark=true</c>) the counter advances once per guest instruction, so a figure
/// is the instructions of one round trip (client → kernel → the driver's ring-3 process → kernel → client) and repeats
/// exactly from run to run; without <c>-icount</c> it is TSC ticks and varies. Nothing here allocates.
/// </summary>
public static unsafe class GuestBenchmark
{
    /// <summary>Calls per run; a figure is a run's time over this many calls.</summary>
    public const int Calls = 1000;

    /// <summary>Runs per figure; the figure is their median.</summary>
    public const int Runs = 7;

    /// <summary>The largest request measured: the kernel moves one 4 KiB call buffer per scheme call.</summary>
    public const int MaxBytes = 4096;

    // How long Measure waits for the driver's scheme to appear, in 10 ms naps: the kernel starts daemons and clients
    // together and does not wait for a daemon to create its scheme.
    private const int OpenAttempts = 300;

    /// <summary>The timestamp counter (<c>rdtsc</c>): guest instructions under <c>-icount shift=0</c>.</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_runtime_rdtsc")]
    public static extern ulong ReadTimestampCounter();

    /// <summary>
    /// Opens <paramref name="path"/> (e.g. <c>echo:</c>; waiting up to 3 s for the scheme to exist), warms up, then
    /// measures <paramref name="operation"/> of <paramref name="bytes"/> bytes: <see cref="Runs"/> runs of
    /// <see cref="Calls"/> calls, each minus the same loop without the call. The value is the median per call, in
    /// counter ticks; an error is what the open failed with, or EIO when a call fails or moves fewer bytes than asked
    /// (the figure would not be the figure of that size), EINVAL for a size outside 1..<see cref="MaxBytes"/>.
    /// </summary>
    public static SyscallResult Measure(ReadOnlySpan<byte> path, GuestOperation operation, int bytes)
    {
        if (bytes < 1 || bytes > MaxBytes) return Errno.EINVAL;
        SyscallResult opened = default;
        for (int attempt = 0; attempt < OpenAttempts; attempt++)
        {
            opened = Sys.Open(path, OpenFlags.ReadWrite);
            if (!opened.IsError || opened.Error != Errno.ENODEV) break;   // ENODEV: the daemon has not created it yet
            Process.Sleep(10);
        }
        if (opened.IsError) return opened;
        nuint fd = (nuint)opened.Value;
        byte* memory = stackalloc byte[MaxBytes];
        var buffer = new Span<byte>(memory, bytes);
        for (int i = 0; i < bytes; i++) buffer[i] = (byte)('a' + i % 26);

        ulong* samples = stackalloc ulong[Runs];
        bool failed = false;
        for (int i = 0; i < 50 && !failed; i++) failed = !Call(fd, operation, buffer);   // warm: pages touched, paths settled
        for (int run = 0; run < Runs && !failed; run++)
        {
            ulong start = ReadTimestampCounter();
            for (int i = 0; i < Calls; i++) Empty(fd, buffer);
            ulong empty = ReadTimestampCounter() - start;
            start = ReadTimestampCounter();
            for (int i = 0; i < Calls && !failed; i++) failed = !Call(fd, operation, buffer);
            ulong full = ReadTimestampCounter() - start;
            samples[run] = full > empty ? (full - empty) / Calls : 0;
        }
        Sys.Close(fd);
        return failed ? Errno.EIO : SyscallResult.Ok(Median(samples, Runs));
    }

    /// <summary>Prints the head of the table <see cref="PrintRow"/> fills (Markdown, on descriptor 1).</summary>
    public static void PrintHeader()
    {
        Sys.Write(1, "| scheme | operation | bytes | instructions per call (-icount shift=0) |\n| --- | --- | ---: | ---: |\n"u8);
    }

    /// <summary>
    /// Prints one row: <c>| echo: | WriteThenRead | 64 | 5123 |</c>, or the errno when <paramref name="result"/> is an
    /// error. One write per row, so the row reaches the console whole.
    /// </summary>
    public static void PrintRow(ReadOnlySpan<byte> path, GuestOperation operation, int bytes, SyscallResult result)
    {
        Span<byte> line = stackalloc byte[160];
        int length = Append(line, 0, "| "u8);
        length = Append(line, length, path.Length > 64 ? path.Slice(0, 64) : path);
        length = Append(line, length, " | "u8);
        length = Append(line, length, operation == GuestOperation.Read ? "Read"u8 : operation == GuestOperation.Write ? "Write"u8 : "WriteThenRead"u8);
        length = Append(line, length, " | "u8);
        length = AppendNumber(line, length, (ulong)bytes);
        length = Append(line, length, " | "u8);
        if (result.IsError)
        {
            length = Append(line, length, "failed, errno "u8);
            length = AppendNumber(line, length, (ulong)result.Error);
        }
        else
        {
            length = AppendNumber(line, length, result.Value);
        }
        length = Append(line, length, " |\n"u8);
        Sys.Write(1, line.Slice(0, length));
    }

    private static bool Call(nuint fd, GuestOperation operation, Span<byte> buffer)
    {
        ulong want = (ulong)buffer.Length;
        if (operation != GuestOperation.Read)
        {
            SyscallResult written = Sys.Write(fd, buffer);
            if (written.IsError || written.Value != want) return false;
        }
        if (operation != GuestOperation.Write)
        {
            SyscallResult read = Sys.Read(fd, buffer);
            if (read.IsError || read.Value != want) return false;
        }
        return true;
    }

    // The loop body without the system calls: a call of Call's shape that does not trap.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Empty(nuint fd, Span<byte> buffer)
    {
    }

    // Insertion sort of a handful of samples; the middle one.
    private static ulong Median(ulong* values, int count)
    {
        for (int i = 1; i < count; i++)
        {
            for (int j = i; j > 0 && values[j - 1] > values[j]; j--)
            {
                ulong swap = values[j];
                values[j] = values[j - 1];
                values[j - 1] = swap;
            }
        }
        return values[count / 2];
    }

    private static int Append(Span<byte> line, int length, ReadOnlySpan<byte> text)
    {
        int n = text.Length < line.Length - length ? text.Length : line.Length - length;
        text.Slice(0, n).CopyTo(line.Slice(length));
        return length + n;
    }

    private static int AppendNumber(Span<byte> line, int length, ulong value)
    {
        Span<byte> digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[count++] = (byte)('0' + value % 10);
            value /= 10;
        }
        while (value != 0);
        for (int i = count - 1; i >= 0 && length < line.Length; i--) line[length++] = digits[i];
        return length;
    }
}
