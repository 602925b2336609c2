/// <summary>
/// Busy work that never yields, printing a line per turn: two of these must interleave, which only preemption of
/// ring-3 code can make happen.
/// </summary>
internal static class SpinScenario
{
    public static int Run(ReadOnlySpan<byte> name)
    {
        ulong sink = 0;
        for (int turn = 1; turn <= 4; turn++)
        {
            for (ulong i = 0; i < 3_000_000; i++) sink += i ^ (sink >> 3);
            Output.Text("usertest: spin "u8);
            Output.Text(name);
            Output.Text(" turn "u8);
            Output.Number((ulong)turn);
            Output.Line(""u8);
        }
        return sink == 42 ? 1 : 0;
    }
}
