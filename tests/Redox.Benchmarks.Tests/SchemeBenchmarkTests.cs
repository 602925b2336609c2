using Redox.Benchmarking;
using Redox.Scheme;
using Redox.Syscall;
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
