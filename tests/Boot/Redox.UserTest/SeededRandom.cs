/// <summary>
/// The fuzzers' random numbers: xorshift64*, fast, seeded and repeatable. One program plays one scenario, so one
/// state per process serves every fuzzer.
/// </summary>
internal static class SeededRandom
{
    private static ulong s_state;

    /// <summary>Starts the sequence from <paramref name="seed"/> (not 0).</summary>
    public static void Seed(ulong seed) => s_state = seed;

    /// <summary>The next number of the sequence.</summary>
    public static ulong Next()
    {
        s_state ^= s_state >> 12;
        s_state ^= s_state << 25;
        s_state ^= s_state >> 27;
        return s_state * 0x2545_F491_4F6C_DD1D;
    }
}
