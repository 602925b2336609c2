using System;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Testing;

namespace Redox.Benchmarking;

/// <summary>
/// A driver author's benchmark of their own scheme: derive, return the scheme from <see cref="CreateScheme"/>, and
/// BenchmarkDotNet measures one client request through it end to end on <see cref="HostedKernel"/>: the client's
/// <c>Sys.Read</c>/<c>Sys.Write</c> → the hosted kernel → the driver's own thread running <see cref="SchemeServer"/>
/// → your scheme → back. That is the same path a ring-3 client takes to a ring-3 driver, with host threads in place
/// of processes; allocations per request are reported too (the dispatch path should show none).
/// </summary>
/// <remarks>
/// The driver thread and the client wait for each other by spinning up to 50 µs before they block (the client on a
/// cache line of its own that the driver answers into), so on an idle core the figure is a spinning handoff, not a
/// sleep/wake: compare
/// it with a spinning peer, not only with pipes. <see cref="InThread"/> set to true measures your scheme's dispatch
/// alone (the driver runs on the client's thread: no handoff at all).
/// </remarks>
[MemoryDiagnoser]
public abstract unsafe class SchemeBenchmark
{
    private HostedKernel? _kernel;
    private HostedProcess? _client;
    private nuint _fd;
    private byte* _buffer;

    /// <summary>Bytes per read and per write (a BenchmarkDotNet parameter; override <see cref="Sizes"/> to change the set).</summary>
    [ParamsSource(nameof(Sizes))]
    public int Bytes { get; set; }

    /// <summary>The request sizes measured: 1 B and 4 KiB unless overridden.</summary>
    public virtual int[] Sizes => new[] { 1, 4096 };

    /// <summary>True: the driver runs in the client's thread (dispatch cost only); false (default): its own thread.</summary>
    public virtual bool InThread => false;

    /// <summary>The scheme's name as clients open it (without the colon).</summary>
    protected virtual string SchemeName => "bench";

    /// <summary>The path opened inside the scheme (empty: the scheme's root).</summary>
    protected virtual string OpenPath => "";

    /// <summary>How the handle is opened.</summary>
    protected virtual OpenFlags OpenFlags => OpenFlags.ReadWrite;

    /// <summary>
    /// Which operations are measured: <see cref="Read"/> and <see cref="Write"/> unless overridden. A device that answers
    /// a read with what a write gave it (an echo, a loopback) measures <see cref="SchemeOperations.WriteThenRead"/>:
    /// a write alone would fill its buffer. <see cref="SchemeBenchmarkRunner"/> runs only these.
    /// </summary>
    public virtual SchemeOperations Operations => SchemeOperations.Read | SchemeOperations.Write;

    /// <summary>
    /// Maps the simulated devices the driver talks to onto the hosted kernel's bus (called once, before
    /// <see cref="CreateScheme"/>); nothing by default. The driver's thread and <see cref="CreateScheme"/> see this bus.
    /// </summary>
    protected virtual void SetUpDevices(SimulatedBus bus)
    {
    }

    /// <summary>
    /// A new instance of the scheme under test (called once per benchmark, before the measurements), with the bus of
    /// <see cref="SetUpDevices"/> bound to the calling thread, so it may initialise its device here.
    /// </summary>
    protected abstract SchemeBase CreateScheme();

    /// <summary>Starts the hosted kernel and the driver, opens <see cref="SchemeName"/>:<see cref="OpenPath"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Bytes < 1)
        {
            throw new InvalidOperationException($"Bytes must be at least 1 (got {Bytes}).");
        }
        _buffer = (byte*)NativeMemory.AllocZeroed((nuint)Bytes);
        _kernel = new HostedKernel();
        SetUpDevices(_kernel.Bus);
        SchemeBase scheme;
        using (_kernel.Bus.Bind())
        {
            scheme = CreateScheme();
        }
        if (InThread)
        {
            _kernel.RegisterInThread(SchemeName, scheme);
        }
        else
        {
            _kernel.StartDriver(SchemeName, scheme);
        }
        _client = _kernel.CreateProcess();
        _client.Enter();
        byte[] path = Encoding.UTF8.GetBytes(SchemeName + ":" + OpenPath);
        SyscallResult opened = Sys.Open(path, OpenFlags);
        if (opened.IsError)
        {
            throw new InvalidOperationException($"open(\"{SchemeName}:{OpenPath}\") failed with {opened.Error}: the scheme must accept this open for the benchmark to run.");
        }
        _fd = (nuint)opened.Value;
    }

    /// <summary>Closes the handle, stops the driver and frees the buffer.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        EnterClient();
        Sys.Close(_fd);
        _kernel?.Dispose();
        _kernel = null;
        NativeMemory.Free(_buffer);
        _buffer = null;
    }

    /// <summary>One <c>read</c> of <see cref="Bytes"/> bytes from the open handle (the raw result: count or -errno).</summary>
    [Benchmark]
    public ulong Read()
    {
        EnterClient();
        return Sys.Read(_fd, new Span<byte>(_buffer, Bytes)).Raw;
    }

    /// <summary>One <c>write</c> of <see cref="Bytes"/> bytes to the open handle (the raw result: count or -errno).</summary>
    [Benchmark]
    public ulong Write()
    {
        EnterClient();
        return Sys.Write(_fd, new ReadOnlySpan<byte>(_buffer, Bytes)).Raw;
    }

    /// <summary>
    /// One <c>write</c> of <see cref="Bytes"/> bytes and one <c>read</c> of as many (two round trips): the request pair of
    /// a device that gives back what it was given. The raw result of the read.
    /// </summary>
    [Benchmark]
    public ulong WriteThenRead()
    {
        EnterClient();
        Sys.Write(_fd, new ReadOnlySpan<byte>(_buffer, Bytes));
        return Sys.Read(_fd, new Span<byte>(_buffer, Bytes)).Raw;
    }

    /// <summary>The hosted process is per thread: BenchmarkDotNet may call from another thread than the setup's.</summary>
    private void EnterClient()
    {
        if (HostedProcess.Current == null)
        {
            _client!.Enter();
        }
    }
}
