using System;
using Redox.Syscall;

namespace Redox.Conformance;

/// <summary>
/// The conformance scenarios, numbered 0 to <see cref="Count"/> - 1: each uses only <see cref="Sys"/> calls against
/// the scheme <c>conf</c> (served by <see cref="ConformanceScheme"/>) and <c>event:</c>, and returns 0 on success or
/// a failure code <c>(scenario + 1) * 100 + check</c> naming the check that failed (listed in README.md). No
/// exceptions, no host APIs, buffers on the stack: the same code runs as a hosted test and as a ring-3 client.
/// Scenarios run one after another against one driver instance; each sets up the state it needs.
/// </summary>
[NoAlloc]
public static unsafe partial class ConformanceClient
{
    /// <summary>How many scenarios there are.</summary>
    public const int Count = 13;

    /// <summary>Runs scenario <paramref name="scenario"/>: 0 on success, else its failure code (1 for an unknown number).</summary>
    public static int Run(int scenario)
    {
        switch (scenario)
        {
            case 0: return OpenEchoesPathAndFlags();
            case 1: return ReadAndWriteAtOffsets();
            case 2: return LseekKeepsTheOffsetInTheKernel();
            case 3: return MetadataOperations();
            case 4: return DupSharesAndNamedDupIsNew();
            case 5: return SchemeCallCarriesPayloadAndMetadata();
            case 6: return MissingSchemeAndMissingPath();
            case 7: return BadDescriptorsAreEbadf();
            case 8: return FeventReadinessThroughAnEventQueue();
            case 9: return CallerPidReachesTheDriver();
            case 10: return CloseReachesTheScheme();
            case 11: return EventQueueLimitsAndMerging();
            case 12: return TimeClocksAndDeadlines();
            default: return 1;
        }
    }

    /// <summary>The name of scenario <paramref name="scenario"/> (ASCII, for logs), empty for an unknown number.</summary>
    public static ReadOnlySpan<byte> Name(int scenario)
    {
        switch (scenario)
        {
            case 0: return "open echoes path and flags"u8;
            case 1: return "read and write at offsets"u8;
            case 2: return "lseek keeps the offset in the kernel"u8;
            case 3: return "metadata operations"u8;
            case 4: return "dup shares, named dup is new"u8;
            case 5: return "scheme call carries payload and metadata"u8;
            case 6: return "missing scheme and missing path"u8;
            case 7: return "bad descriptors are EBADF"u8;
            case 8: return "fevent readiness through an event queue"u8;
            case 9: return "caller pid reaches the driver"u8;
            case 10: return "close reaches the scheme"u8;
            case 11: return "event queue limits and merging"u8;
            case 12: return "time: clocks and deadlines"u8;
            default: return default;
        }
    }

    /// <summary>Runs every scenario in order; 0 when all pass, else the first failure code.</summary>
    public static int RunAll()
    {
        for (int i = 0; i < Count; i++)
        {
            int failed = Run(i);
            if (failed != 0)
            {
                return failed;
            }
        }
        return 0;
    }

    // Opens path; on failure returns false (the caller returns its own code).
    private static bool TryOpen(ReadOnlySpan<byte> path, OpenFlags flags, out nuint fd)
    {
        SyscallResult r = Sys.Open(path, flags);
        fd = (nuint)r.Value;
        return r.IsOk;
    }

    // Reads the driver's record through conf:stats (opening and closing a handle of its own).
    private static bool TryReadStats(out ConformanceStats stats)
    {
        stats = default;
        if (!TryOpen("conf:stats"u8, OpenFlags.ReadOnly, out nuint fd))
        {
            return false;
        }
        byte* buffer = stackalloc byte[ConformanceStats.Size];
        SyscallResult r = Sys.Read(fd, new Span<byte>(buffer, ConformanceStats.Size));
        Sys.Close(fd);
        if (r.IsError || r.Value != ConformanceStats.Size)
        {
            return false;
        }
        stats = *(ConformanceStats*)buffer;
        return true;
    }

    private static bool Ok(SyscallResult r, ulong value) => r.IsOk && r.Value == value;

    private static bool Fails(SyscallResult r, Errno error) => r.IsError && r.Error == error;
}
