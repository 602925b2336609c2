using Redox.Benchmarking;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;
using Redox.Testing;
using Redox.Testing.Devices;
using Samples.Drivers.Zero;
using Xunit;

namespace Redox.Benchmarks.Tests;

/// <summary>Redox.Benchmarking's base class, driven the way BenchmarkDotNet drives it (setup, calls, cleanup).</summary>
public sealed class SchemeBenchmarkTests
{
    private sealed class ZeroBench : SchemeBenchmark
    {
        public bool Local;
        public override bool InThread => Local;
        protected override SchemeBase CreateScheme() => new ZeroScheme();
        protected override string SchemeName => "zero";
    }

    private sealed class RefusingBench : SchemeBenchmark
    {
        protected override SchemeBase CreateScheme() => new ZeroScheme();
        protected override string SchemeName => "zero";
        protected override string OpenPath => "no/such/path";
    }

    // A scheme over a device: it checks the UART's scratch register when created (as a driver's Initialize does) and
    // answers a read with what that register holds, through HostedPortIo on the driver's own thread.
    private sealed class ScratchScheme : SchemeBase
    {
        private const ushort Scratch = 0x2F8 + 7;

        public ScratchScheme()
        {
            new Pio8<HostedPortIo>(Scratch).Write(0x5A);
            Found = new Pio8<HostedPortIo>(Scratch).Read() == 0x5A;
        }

        public bool Found { get; }

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(1);

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
            => SyscallResult.Ok(new Pio8<HostedPortIo>(Scratch).Read());
    }

    private sealed class UartBench : UartBenchBase
    {
        public bool MapUart = true;
        public ScratchScheme? Created;
        protected override void SetUpDevices(SimulatedBus bus)
        {
            if (MapUart) bus.MapPorts(0x2F8, 8, new Uart16550Model(0x2F8));
        }
        protected override SchemeBase CreateScheme() => Created = new ScratchScheme();
    }

    private abstract class UartBenchBase : SchemeBenchmark
    {
        protected override string SchemeName => "uart";
    }

    [Fact]
    public void The_devices_of_SetUpDevices_are_on_the_bus_when_the_scheme_is_created_and_on_the_driver_thread()
    {
        var bench = new UartBench { Bytes = 1 };
        bench.Setup();
        try
        {
            Assert.True(bench.Created!.Found);
            Assert.Equal(0x5AUL, bench.Read());                      // the driver thread reads the same device
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void Without_a_device_the_scheme_sees_an_empty_bus()
    {
        var bench = new UartBench { Bytes = 1, MapUart = false };
        bench.Setup();
        try
        {
            Assert.False(bench.Created!.Found);
            Assert.Equal(0xFFUL, bench.Read());                      // nothing decodes the port: all ones
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void WriteThenRead_writes_and_reads_back_the_size(int bytes)
    {
        var bench = new ZeroBench { Bytes = bytes };
        bench.Setup();
        try
        {
            Assert.Equal((ulong)bytes, bench.WriteThenRead());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void The_runner_measures_only_the_operations_a_benchmark_names()
    {
        Assert.Equal(SchemeOperations.Read | SchemeOperations.Write, new ZeroBench().Operations);
        Assert.True(SchemeBenchmarkRunner.Measured("Read", SchemeOperations.Read));
        Assert.False(SchemeBenchmarkRunner.Measured("Write", SchemeOperations.Read | SchemeOperations.WriteThenRead));
        Assert.True(SchemeBenchmarkRunner.Measured("WriteThenRead", SchemeOperations.WriteThenRead));
        Assert.True(SchemeBenchmarkRunner.Measured("MyOwnBenchmark", SchemeOperations.Read));   // a method of the user's own
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(4096, false)]
    [InlineData(4096, true)]
    public void Reads_and_writes_go_through_the_scheme_and_answer_the_size(int bytes, bool inThread)
    {
        var bench = new ZeroBench { Bytes = bytes, Local = inThread };
        bench.Setup();
        try
        {
            Assert.Equal((ulong)bytes, bench.Read());
            Assert.Equal((ulong)bytes, bench.Write());
        }
        finally
        {
            bench.Cleanup();
        }
    }

    [Fact]
    public void A_call_from_another_thread_than_the_setup_still_runs_as_the_client()
    {
        var bench = new ZeroBench { Bytes = 8 };
        bench.Setup();
        ulong result = 0;
        var thread = new Thread(() => result = bench.Read());
        thread.Start();
        thread.Join();
        bench.Cleanup();

        Assert.Equal(8UL, result);
    }

    [Fact]
    public void An_open_the_scheme_refuses_is_a_clear_error()
    {
        var bench = new RefusingBench { Bytes = 1 };

        var error = Assert.Throws<InvalidOperationException>(bench.Setup);

        Assert.Contains("open(\"zero:no/such/path\") failed with ENOENT", error.Message);
    }

    [Fact]
    public void The_default_sizes_are_one_byte_and_a_page()
        => Assert.Equal(new[] { 1, 4096 }, new ZeroBench().Sizes);
}
