namespace Redox.Benchmarks.Tests;

/// <summary>Lines as the two guests print them (copied from a real run, 2026-12-02), with noise around them.</summary>
internal static class SampleLogs
{
    public static readonly List<string> Guest =
    [
        "boot test guestbench: start",
        "guestbench: step 1/7 null syscall",
        "bench: null syscall (getpid) 192 ticks",
        "process 1 (bench) exited with code 0",
        "bench: process switch (yield ping-pong) A 488 ticks",
        "bench: process switch (yield ping-pong) B 494 ticks",
        "bench: ipc round trip (read 1 B from a ring-3 driver) 3411 ticks",
        "bench: ipc round trip (read 4096 B from a ring-3 driver) 9765 ticks",
        "bench: ipc read of 65536 B from a ring-3 driver (16 calls) 156781 ticks",
        "bench: fevent wake-up (driver post -> client's event: read returns) 2848 ticks",
        "bench: irq to driver (COM2 IRQ 3 raised -> driver's irq: read returns) 1605 ticks",
        "boot test guestbench: PASS",
    ];

    public static readonly List<string> Linux =
    [
        "linux-bench: kernel linux-image-6.1.0-57-amd64, qemu 7.2.22, -cpu qemu64",
        "linux-bench: null syscall (getppid) 335 ticks",
        "linux-bench: pipe round trip (1 B, two processes, one CPU) 12972 ticks",
        "linux-bench: pipe round trip (4096 B, two processes, one CPU) 13959 ticks",
        "linux-bench: pipe round trip (65536 B, two processes, one CPU) 52414 ticks",
        "linux-bench: unix socket round trip (1 B, two processes, one CPU) 17331 ticks",
        "linux-bench: futex wake-up (FUTEX_WAKE -> the other process's FUTEX_WAIT returns) 4713 ticks",
        "linux-bench: process switch (sched_yield ping-pong) 446 ticks",
        "linux-bench: done",
    ];
}
