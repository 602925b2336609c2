using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace Redox.Benchmarks;

/// <summary>
/// The spinning peer: two threads hand one cache line back and forth, each spinning on it (no system call, no sleep).
/// It is the physical floor of a cross-core handoff on this machine, the fair comparison for a hosted round trip
/// that spins before it blocks. Its peer thread runs only while this benchmark does (it burns a core).
/// </summary>
[MemoryDiagnoser]
public unsafe class CacheLinePingPongBenchmarks
{
    private long* _line;
    private Thread? _peer;

    /// <summary>Starts the peer: it answers every odd value with the next even one, and stops on -1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _line = (long*)NativeMemory.AlignedAlloc(128, 64);
        *_line = 0;
        long* line = _line;
        _peer = new Thread(() => Answer(line)) { IsBackground = true };
        _peer.Start();
    }

    /// <summary>Stops the peer.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Volatile.Write(ref *_line, -1);
        _peer?.Join(1000);
        NativeMemory.AlignedFree(_line);
    }

    private static void Answer(long* line)
    {
        while (true)
        {
            long v = Volatile.Read(ref *line);
            if (v == -1)
            {
                return;
            }
            if ((v & 1) == 1)
            {
                Volatile.Write(ref *line, v + 1);
            }
            else
            {
                Thread.SpinWait(1);
            }
        }
    }

    /// <summary>One round trip: write an odd value, spin until the peer has written the next one.</summary>
    [Benchmark]
    public long CacheLinePingPong()
    {
        long next = Volatile.Read(ref *_line) + 1;
        Volatile.Write(ref *_line, next);
        while (Volatile.Read(ref *_line) != next + 1)
        {
            Thread.SpinWait(1);
        }
        return next;
    }
}
