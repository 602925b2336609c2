using Redox.Syscall;

/// <summary>
/// Cost figures in guest TSC ticks. Under <c>qemu-system-x86_64 -icount shift=0</c> the TSC advances one tick per
/// instruction, so these are instruction counts and repeat exactly. Each figure is the median of several runs
/// of a loop, minus the same loop without the call, divided by the loop's length.
/// </summary>
internal static unsafe class Benchmarks
{
    private const int Calls = 1000, Runs = 7;

    /// <summary>getpid from ring 3 and back, per call.</summary>
    public static int NullSyscall()
    {
        ulong* samples = stackalloc ulong[Runs];
        for (int run = 0; run < Runs; run++)
        {
            ulong empty = Loop(false), full = Loop(true);
            samples[run] = full > empty ? (full - empty) / Calls : 0;
        }
        Output.Text("bench: null syscall (getpid) "u8);
        Output.Number(Median(samples));
        Output.Line(" ticks"u8);
        return 0;
    }

    /// <summary>
    /// Two processes each yield to the other <c>Calls</c> times: a round is two syscalls and two process switches
    /// (CR3 included). Printed per switch (half a round).
    /// </summary>
    public static int YieldPingPong(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < 50; i++) Sys.Yield();                 // let the partner start
        ulong start = Native.ReadTimestampCounter();
        for (int i = 0; i < Calls; i++) Sys.Yield();
        ulong elapsed = Native.ReadTimestampCounter() - start;
        Output.Text("bench: process switch (yield ping-pong) "u8);
        Output.Text(name);
        Output.Text(" "u8);
        Output.Number(elapsed / (2 * Calls));
        Output.Line(" ticks"u8);
        return 0;
    }

    /// <summary>
    /// A scheme call's round trip: <c>read</c> of <paramref name="bytesText"/> bytes from <c>zero:</c>, served by a ring-3
    /// daemon (client -> kernel -> driver's socket read returns -> SchemeServer dispatch -> driver's socket write -> kernel
    /// -> client). Per call, minus the loop without the call.
    /// </summary>
    public static int IpcRead(ReadOnlySpan<byte> bytesText, ReadOnlySpan<byte> runsText)
    {
        int bytes = (int)Output.Parse(bytesText, 1);
        int runs = (int)Output.Parse(runsText, Runs);        // fewer for a profile (-d exec) of the path
        if (runs < 1 || runs > Runs) runs = Runs;
        SyscallResult opened = Sys.Open("zero:"u8, OpenFlags.ReadOnly);
        if (opened.IsError) return Output.Fail("bench-ipc: open zero:"u8);
        nuint fd = (nuint)opened.Value;
        byte* buffer = stackalloc byte[4096];
        var span = new Span<byte>(buffer, bytes > 4096 ? 4096 : bytes);
        for (int i = 0; i < 50; i++) Sys.Read(fd, span);           // warm: pages touched, driver's heap settled
        ulong* samples = stackalloc ulong[Runs];
        for (int i = 0; i < Runs; i++) samples[i] = 0;
        for (int run = 0; run < runs; run++)
        {
            ulong empty = Loop(false);
            ulong start = Native.ReadTimestampCounter();
            for (int i = 0; i < Calls; i++)
            {
                if (Sys.Read(fd, span).Value != (ulong)span.Length) return Output.Fail("bench-ipc: short read"u8);
            }
            ulong full = Native.ReadTimestampCounter() - start;
            samples[run] = full > empty ? (full - empty) / Calls : 0;
        }
        Output.Text("bench: ipc round trip (read "u8);
        Output.Number((ulong)span.Length);
        Output.Text(" B from a ring-3 driver) "u8);
        Output.Number(Median(samples));
        Output.Line(" ticks"u8);
        Sys.Close(fd);
        return 0;
    }

    private static ulong Loop(bool call)
    {
        ulong start = Native.ReadTimestampCounter();
        if (call)
        {
            for (int i = 0; i < Calls; i++) Sys.Getpid();
        }
        else
        {
            for (int i = 0; i < Calls; i++) Opaque();
        }
        return Native.ReadTimestampCounter() - start;
    }

    /// <summary>The loop body without the syscall: the call of Sys.Getpid's shape, minus the trap.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Opaque() { }

    private static ulong Median(ulong* values)
    {
        for (int i = 1; i < Runs; i++)
        {
            for (int j = i; j > 0 && values[j - 1] > values[j]; j--)
            {
                ulong t = values[j];
                values[j] = values[j - 1];
                values[j - 1] = t;
            }
        }
        return values[Runs / 2];
    }
}
