using System.Runtime.InteropServices;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.Zero;

namespace Redox.Benchmarks;

/// <summary>
/// (b) One round trip between the benchmark thread and one peer thread, four ways, in one run:
/// our hosted scheme call (client → driver thread → client, 1-byte zero: read), and 1-byte ping-pongs
/// over a pipe pair, a Unix socketpair and a futex word, through the real Linux system calls.
/// </summary>
[MemoryDiagnoser]
public unsafe class IpcRoundTripBenchmarks
{
    private HostedKernel _kernel = null!;
    private HostedProcess _client = null!;
    private nuint _zeroFd;
    private byte* _byte;

    private int _pipeRequestWrite, _pipeResponseRead;
    private int _socketClient;
    private int* _futexWord;
    private Thread[] _peers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _byte = (byte*)NativeMemory.AllocZeroed(8);

        _kernel = new HostedKernel();
        _kernel.StartDriver("zero", new ZeroScheme());
        _client = _kernel.CreateProcess();
        _client.Enter();
        _zeroFd = (nuint)Sys.Open("zero:"u8, OpenFlags.ReadOnly).Value;

        int* request = stackalloc int[2];
        int* response = stackalloc int[2];
        Libc.Pipe2(request, 0);
        Libc.Pipe2(response, 0);
        _pipeRequestWrite = request[1];
        _pipeResponseRead = response[0];
        int pipePeerIn = request[0], pipePeerOut = response[1];

        int* pair = stackalloc int[2];
        Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM, 0, pair);
        _socketClient = pair[0];
        int socketPeer = pair[1];

        _futexWord = (int*)NativeMemory.AllocZeroed(64);
        int* word = _futexWord;

        _peers = new[]
        {
            new Thread(() => Echo(pipePeerIn, pipePeerOut)) { IsBackground = true },
            new Thread(() => Echo(socketPeer, socketPeer)) { IsBackground = true },
            new Thread(() => FutexPeer(word)) { IsBackground = true },
        };
        foreach (var t in _peers)
        {
            t.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Libc.Close(_pipeRequestWrite);   // the pipe peer reads end of file and exits
        Libc.Close(_socketClient);       // so does the socket peer
        Volatile.Write(ref *_futexWord, 3);
        Libc.Futex(Libc.SYS_futex, _futexWord, Libc.FUTEX_WAKE_PRIVATE, int.MaxValue, 0, 0, 0);
        foreach (var t in _peers)
        {
            t.Join(1000);
        }
        _kernel.Dispose();
    }

    private static void Echo(int input, int output)
    {
        byte b;
        while (Libc.Read(input, &b, 1) == 1)
        {
            Libc.Write(output, &b, 1);
        }
    }

    private static void FutexPeer(int* word)
    {
        while (true)
        {
            int v;
            while ((v = Volatile.Read(ref *word)) != 1)
            {
                if (v == 3)
                {
                    return;
                }
                Libc.Futex(Libc.SYS_futex, word, Libc.FUTEX_WAIT_PRIVATE, v, 0, 0, 0);
            }
            Volatile.Write(ref *word, 2);
            Libc.Futex(Libc.SYS_futex, word, Libc.FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
        }
    }

    /// <summary>Pipe ping-pong: write 1 byte, the peer reads it and writes it back.</summary>
    [Benchmark(Baseline = true)]
    public nint Pipe()
    {
        Libc.Write(_pipeRequestWrite, _byte, 1);
        return Libc.Read(_pipeResponseRead, _byte, 1);
    }

    /// <summary>Unix-domain socketpair ping-pong.</summary>
    [Benchmark]
    public nint SocketPair()
    {
        Libc.Write(_socketClient, _byte, 1);
        return Libc.Read(_socketClient, _byte, 1);
    }

    /// <summary>Futex ping-pong: post, wake the peer, sleep until it answers (no spinning).</summary>
    [Benchmark]
    public int Futex()
    {
        int* word = _futexWord;
        Volatile.Write(ref *word, 1);
        Libc.Futex(Libc.SYS_futex, word, Libc.FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
        int v;
        while ((v = Volatile.Read(ref *word)) != 2)
        {
            Libc.Futex(Libc.SYS_futex, word, Libc.FUTEX_WAIT_PRIVATE, v, 0, 0, 0);
        }
        Volatile.Write(ref *word, 0);
        return v;
    }

    /// <summary>Our hosted scheme call: Sys.Read of 1 byte from zero: served by its own driver thread.</summary>
    [Benchmark]
    public ulong HostedScheme()
    {
        if (HostedProcess.Current == null)
        {
            _client.Enter();
        }
        return Sys.Read(_zeroFd, new System.Span<byte>(_byte, 1)).Raw;
    }
}
