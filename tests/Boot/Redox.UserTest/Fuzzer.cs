using Redox.Syscall;

/// <summary>
/// A seeded, repeatable syscall fuzzer: random call numbers (the served ones and anything else), flags and lengths
/// up to 2^64-1, and pointers of every bad kind (null, low, kernel text, the physical window, non-canonical,
/// unmapped, misaligned, crossing page and space boundaries) plus valid ones into a scratch area. Calls that would
/// end or park this process (exit, kill, nanosleep, futex) are left out; everything else may return anything but
/// must never fault the kernel.
/// </summary>
internal static unsafe class Fuzzer
{

    public static int Run(ReadOnlySpan<byte> countText)
    {
        ulong count = Output.Parse(countText, 1_000_000);
        SeededRandom.Seed(0x9E37_79B9_7F4A_7C15);
        Map request = default;
        request.Size = 64 * 1024;
        request.Flags = 0x0004_0000 | 0x0002_0000 | 2;
        SyscallResult scratch = Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map));
        if (scratch.IsError) return Output.Fail("no scratch memory"u8);
        ulong area = scratch.Value;
        // Progress goes to one debug descriptor the fuzzer keeps out of its own calls, so random writes of random
        // memory never flood the console: descriptors 0-2 are closed and reopened as just that one (0).
        for (nuint fd = 0; fd < 3; fd++) Sys.Close(fd);
        nuint progress = (nuint)Sys.Open("debug:"u8, OpenFlags.WriteOnly).Value;
        nuint* served = stackalloc nuint[]
        {
            SyscallNumbers.Write, SyscallNumbers.Read, SyscallNumbers.Open, SyscallNumbers.Close, SyscallNumbers.Dup,
            SyscallNumbers.Lseek, SyscallNumbers.Fstat, SyscallNumbers.Fcntl, SyscallNumbers.Fpath,
            SyscallNumbers.ClockGettime, SyscallNumbers.Fmap, SyscallNumbers.Funmap, SyscallNumbers.Getpid,
            SyscallNumbers.Yield, SyscallNumbers.Waitpid,
        };
        for (ulong i = 0; i < count; i++)
        {
            ulong pick = Next();
            nuint number = (pick & 7) == 0 ? (nuint)Next() : served[(int)(pick >> 8) % 15];
            if (number == SyscallNumbers.Exit || number == SyscallNumbers.Nanosleep || number == SyscallNumbers.Futex || number == SyscallNumbers.Kill) continue;
            // waitpid only with WNOHANG semantics: without children it answers ECHILD at once either way.
            nuint first = Argument(area), second = Argument(area);
            if (first == progress && number != SyscallNumbers.Getpid && number != SyscallNumbers.Yield) continue;
            // funmap may take anything of this process's own, its code and stack included (the kernel then ends it,
            // rightly): keep it to the anonymous region, where only scratch memory lives.
            if (number == SyscallNumbers.Funmap && (first < 0x0000_0100_0000_0000UL || first >= 0x0000_7000_0000_0000UL ||
                second > 0x0000_7000_0000_0000UL - first)) continue;
            SyscallResult result = Sys.Call(number, first, second, Argument(area), Argument(area), Argument(area), Argument(area));
            if (number == SyscallNumbers.Funmap && result.IsOk) area = RemapScratch(area);
            if ((i & 0x3FFFF) == 0x3FFFF) Sys.Write(progress, "usertest: fuzz progress\n"u8);
        }
        for (nuint fd = 1; fd < 64; fd++) Sys.Close(fd);
        Sys.Write(progress, "usertest: fuzz done, no kernel fault\n"u8);
        return 0;
    }

    /// <summary>After a random funmap may have taken the scratch area, map a fresh one so valid pointers stay valid.</summary>
    private static ulong RemapScratch(ulong area)
    {
        Map request = default;
        request.Size = 64 * 1024;
        request.Flags = 0x0004_0000 | 0x0002_0000 | 2;
        SyscallResult fresh = Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map));
        return fresh.IsOk ? fresh.Value : area;
    }

    private static nuint Argument(ulong area)
    {
        ulong r = Next();
        switch (r % 16)
        {
            case 0: return 0;
            case 1: return (nuint)(r >> 40);                                       // small numbers, descriptors
            case 2: return unchecked((nuint)ulong.MaxValue - (nuint)(r >> 60));   // -1, -2 ...
            case 3: return (nuint)(0xFFFF_FFFF_8010_0000UL + (r >> 44));          // kernel text
            case 4: return (nuint)(0xFFFF_8000_0000_0000UL + (r >> 34));          // physical window
            case 5: return (nuint)(0x0000_8000_0000_0000UL + (r >> 20));          // non-canonical
            case 6: return (nuint)(0x0000_7FFF_FFFF_F000UL - (r >> 52));          // just below the hole
            case 7: return (nuint)(area + 64 * 1024 - (r >> 58));                 // end of the scratch area
            case 8: return (nuint)(area + (r >> 48) % (64 * 1024));               // inside it (any alignment)
            case 9: return (nuint)(1UL << (int)(r >> 58));                        // powers of two: lengths up to 2^63
            case 10: return (nuint)(r >> (int)(r % 64));
            case 11: return (nuint)(0x0000_0100_0000_0000UL + (r >> 30));         // the anonymous region
            case 12: return (nuint)0x1000;                                        // the null guard
            default: return (nuint)r;
        }
    }

    private static ulong Next() => SeededRandom.Next();
}
