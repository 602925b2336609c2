using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Testing;
using Samples.Drivers.Zero;

namespace Redox.Benchmarks;

/// <summary>(a) The cost of one request dispatched in-thread: decode, virtual call, response.</summary>
[MemoryDiagnoser]
public unsafe class DispatchBenchmarks
{
    private ZeroScheme _scheme = null!;
    private byte* _buffer;
    private Sqe _read;
    private HostedKernel _kernel = null!;
    private HostedProcess _process = null!;
    private nuint _fd;

    [GlobalSetup]
    public void Setup()
    {
        _scheme = new ZeroScheme();
        _buffer = (byte*)NativeMemory.AllocZeroed(64);
        var self = default(CallerContext);
        var id = _scheme.Open(default, OpenFlags.ReadOnly, self).Result.Value;
        _read = new Sqe { Opcode = Opcode.Read, Tag = 1, Arg0 = id, Arg1 = (ulong)_buffer, Arg2 = 64 };

        _kernel = new HostedKernel();
        _kernel.RegisterInThread("zero", new ZeroScheme());
        _process = _kernel.CreateProcess();
        _process.Enter();
        _fd = (nuint)Sys.Open("zero:"u8, OpenFlags.ReadOnly).Value;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.Free(_buffer);
        _kernel.Dispose();
    }

    /// <summary>SchemeDispatcher.Dispatch of a 64-byte zero: read.</summary>
    [Benchmark(Baseline = true)]
    public ulong Dispatch()
    {
        SchemeDispatcher.Dispatch(_scheme, in _read, default, out Cqe cqe);
        return cqe.Result;
    }

    /// <summary>The same read through Sys.Read and the hosted kernel with an in-thread driver (no thread switch).</summary>
    [Benchmark]
    public ulong SysReadInThreadDriver()
    {
        if (HostedProcess.Current == null)
        {
            _process.Enter();
        }
        return Sys.Read(_fd, new System.Span<byte>(_buffer, 64)).Raw;
    }
}
