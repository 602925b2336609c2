using Redox.Syscall;

/// <summary>
/// The guest rows of <c>benchmarks/Redox.Benchmarks</c> that <see cref="Benchmarks"/> does not have: a 64 KiB read
/// through a ring-3 driver, the <c>fevent</c> wake-up and the IRQ-to-driver latency. Same method as there: figures in
/// guest TSC ticks, which are instructions under <c>qemu-system-x86_64 -icount shift=0</c>; the median of
/// <see cref="Runs"/> runs. Each line starts with <c>bench:</c> so the benchmark command and the CI budget find it.
/// </summary>
internal static unsafe class GuestBenchmarks
{
    /// <summary>Runs per figure (the median is printed).</summary>
    public const int Runs = 7;

    /// <summary>The scenarios this file plays; false when <paramref name="scenario"/> is none of them.</summary>
    public static bool TryRun(ReadOnlySpan<byte> scenario, ReadOnlySpan<byte> parameter, out int exitCode)
    {
        exitCode = 0;
        if (scenario.SequenceEqual("bench-ipc-large"u8)) exitCode = LargeRead(parameter);
        else if (scenario.SequenceEqual("bench-fevent-driver"u8)) exitCode = FeventBenchmark.Driver();
        else if (scenario.SequenceEqual("bench-fevent-waiter"u8)) exitCode = FeventBenchmark.Waiter();
        else if (scenario.SequenceEqual("bench-irq-driver"u8)) exitCode = IrqBenchmark.Driver();
        else if (scenario.SequenceEqual("bench-irq-trigger"u8)) exitCode = IrqBenchmark.Trigger();
        else return false;
        return true;
    }

    /// <summary>
    /// <c>read</c> of <paramref name="bytesText"/> bytes (default 64 KiB) from <c>zero:</c> until all have come. The
    /// kernel moves at most one call buffer (4 KiB, UserScheme.BufferSize) per scheme call, so 64 KiB is 16 round
    /// trips of 4 KiB; the figure is per whole read, and the line says how many calls it took.
    /// </summary>
    public static int LargeRead(ReadOnlySpan<byte> bytesText)
    {
        int bytes = (int)Output.Parse(bytesText, 65536);
        if (bytes < 1 || bytes > 1 << 20) return Output.Fail("bench-ipc-large: size out of range"u8);
        SyscallResult opened = Sys.Open("zero:"u8, OpenFlags.ReadOnly);
        if (opened.IsError) return Output.Fail("bench-ipc-large: open zero:"u8, opened);
        nuint fd = (nuint)opened.Value;
        byte[] buffer = new byte[bytes];                 // the process heap: too big for the stack
        const int Reads = 100;
        ulong calls = 0;
        ulong* samples = stackalloc ulong[Runs];
        for (int warm = 0; warm < 5; warm++) ReadAll(fd, buffer, ref calls);
        calls = 0;
        for (int run = 0; run < Runs; run++)
        {
            ulong start = Native.ReadTimestampCounter();
            for (int i = 0; i < Reads; i++)
            {
                if (!ReadAll(fd, buffer, ref calls)) return Output.Fail("bench-ipc-large: short read"u8);
            }
            samples[run] = (Native.ReadTimestampCounter() - start) / Reads;
        }
        Output.Text("bench: ipc read of "u8);
        Output.Number((ulong)bytes);
        Output.Text(" B from a ring-3 driver ("u8);
        Output.Number(calls / (Runs * Reads));
        Output.Text(" calls) "u8);
        Output.Number(Median(samples, Runs));
        Output.Line(" ticks"u8);
        Sys.Close(fd);
        return 0;
    }

    private static bool ReadAll(nuint fd, byte[] buffer, ref ulong calls)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            SyscallResult read = Sys.Read(fd, new Span<byte>(buffer, done, buffer.Length - done));
            calls++;
            if (read.IsError || read.Value == 0) return false;
            done += (int)read.Value;
        }
        return true;
    }

    /// <summary>The median of <paramref name="count"/> values (sorts them in place).</summary>
    public static ulong Median(ulong* values, int count)
    {
        for (int i = 1; i < count; i++)
        {
            for (int j = i; j > 0 && values[j - 1] > values[j]; j--)
            {
                ulong t = values[j];
                values[j] = values[j - 1];
                values[j - 1] = t;
            }
        }
        return values[count / 2];
    }
}
