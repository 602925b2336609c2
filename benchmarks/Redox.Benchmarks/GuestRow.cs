using System.Text.RegularExpressions;

namespace Redox.Benchmarks;

/// <summary>
/// One guest figure: the line the Redox.NET boot image prints for it (<c>bench: ...</c>, tests/Boot/Redox.UserTest)
/// and the line of its Linux peer (<c>linux-bench: ...</c>, benchmarks/linux-peer/peer.c), if it has one.
/// </summary>
internal sealed record GuestRow(string Name, string Pattern, string? PeerName, string? PeerPattern, string Note)
{
    /// <summary>The rows, in table order. The patterns capture the count in their last group.</summary>
    public static readonly GuestRow[] All =
    [
        new("null syscall", @"^bench: null syscall \(getpid\) (\d+) ticks",
            "getppid", @"^linux-bench: null syscall \(getppid\) (\d+) ticks",
            "getpid ring 3 -> kernel -> ring 3, with the user-side wrapper"),
        new("IPC round trip, read 1 B", @"^bench: ipc round trip \(read 1 B from a ring-3 driver\) (\d+) ticks",
            "pipe round trip 1 B", @"^linux-bench: pipe round trip \(1 B, two processes, one CPU\) (\d+) ticks",
            "ring-3 client -> kernel -> ring-3 driver (SchemeServer, zero:) -> back"),
        new("IPC round trip, read 1 B (vs Unix socket)", @"^bench: ipc round trip \(read 1 B from a ring-3 driver\) (\d+) ticks",
            "unix socket round trip 1 B", @"^linux-bench: unix socket round trip \(1 B, two processes, one CPU\) (\d+) ticks",
            "the same figure beside an AF_UNIX socketpair"),
        new("IPC round trip, read 4 KiB", @"^bench: ipc round trip \(read 4096 B from a ring-3 driver\) (\d+) ticks",
            "pipe round trip 4 KiB", @"^linux-bench: pipe round trip \(4096 B, two processes, one CPU\) (\d+) ticks",
            "1-byte request, 4 KiB answer (copied, ADR 0002)"),
        new("IPC read 64 KiB", @"^bench: ipc read of 65536 B from a ring-3 driver \((\d+) calls\) (\d+) ticks",
            "pipe round trip 64 KiB", @"^linux-bench: pipe round trip \(65536 B, two processes, one CPU\) (\d+) ticks",
            "16 scheme calls: the kernel moves at most 4 KiB per call"),
        new("fevent wake-up", @"^bench: fevent wake-up \(driver post -> client's event: read returns\) (\d+) ticks",
            "futex wake-up", @"^linux-bench: futex wake-up \(FUTEX_WAKE -> the other process's FUTEX_WAIT returns\) (\d+) ticks",
            "driver's SendFevent -> client's event: read returns (one way)"),
        new("IRQ to driver", @"^bench: irq to driver \(COM2 IRQ 3 raised -> driver's irq: read returns\) (\d+) ticks",
            null, null,
            "COM2 THRE interrupt -> driver's irq:3 read returns; the interrupted process yields at once"),
        new("process switch", @"^bench: process switch \(yield ping-pong\) B (\d+) ticks",
            "sched_yield switch", @"^linux-bench: process switch \(sched_yield ping-pong\) (\d+) ticks",
            "two processes yield to each other, per switch"),
    ];

    /// <summary>The count of <paramref name="pattern"/> among <paramref name="lines"/> (its last group), or null.</summary>
    public static long? Find(string? pattern, System.Collections.Generic.IEnumerable<string> lines)
    {
        if (pattern == null)
        {
            return null;
        }
        foreach (string line in lines)
        {
            Match match = Regex.Match(line, pattern);
            if (match.Success)
            {
                return long.Parse(match.Groups[match.Groups.Count - 1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
