using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Redox.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> runs everything without prompting.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // A shorter job than BenchmarkDotNet's default (which took well over 10 minutes here):
        // one launch, 5 warm-up and 15 measured iterations per benchmark.
        // In process: the driver libraries are compiled against the Redox core library, and the project
        // BenchmarkDotNet would generate for a separate process does not get the repository's host binding
        // (Redox.HostBinding.targets), so it fails with CS0012.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15)
                .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short15"))
            .AddDiagnoser(MemoryDiagnoser.Default);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
