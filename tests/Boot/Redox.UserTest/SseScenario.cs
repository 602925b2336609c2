/// <summary>
/// Floating-point work that keeps values in SSE registers for long stretches, run twice and compared: when two of
/// these processes preempt each other, a kernel that does not save each thread's SSE state mixes their registers
/// and the two runs disagree. First, values in every xmm register across system calls that switch between the two
/// processes (yield): the syscall entry, not the interrupt entry, must keep those.
/// </summary>
internal static class SseScenario
{
    // Enough yields that the two processes' calls interleave many times whichever starts first.
    private const ulong YieldCalls = 2000;

    public static int Run(ReadOnlySpan<byte> seedText)
    {
        double seed = Output.Parse(seedText, 1);
        ulong pattern = 0x5353_0000_0000_0000UL | ((ulong)seed << 32);
        for (ulong call = 0; call < YieldCalls; call++)
        {
            if (Native.SyscallKeepsXmm(Redox.Syscall.SyscallNumbers.Yield, pattern + (call << 8)) != 0)
                return Output.Fail("SSE state changed across a system call"u8);
        }
        for (int round = 0; round < 6; round++)
        {
            double first = Chain(seed + round), second = Chain(seed + round);
            if (first != second) return Output.Fail("SSE state changed under preemption"u8);
        }
        Output.Text("usertest: sse "u8);
        Output.Text(seedText);
        Output.Line(" consistent across preemption"u8);
        return 0;
    }

    private static double Chain(double x)
    {
        double a = x, b = x * 0.5, c = x + 3.25, d = 1.0 / (x + 1);
        for (int i = 0; i < 400_000; i++)
        {
            a = a * 1.0000001 + b * 1e-9;
            b = b * 0.9999999 + c * 1e-9;
            c = c * 1.00000005 - d * 1e-9;
            d = d * 0.99999995 + a * 1e-12;
        }
        return a + b * 3 + c * 5 + d * 7;
    }
}
