using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Redox.Benchmarking;

/// <summary>Runs scheme benchmarks with the configuration Redox.NET drivers need.</summary>
public static class SchemeBenchmarkRunner
{
    /// <summary>
    /// The configuration: in-process (a driver compiled against the Redox core library binds to the host's only
    /// through the build's host binding, which the separate project BenchmarkDotNet would generate does not get: it
    /// fails with CS0012), memory diagnoser on, and a short job (1 launch, 5 warm-up, 15 measured iterations) unless
    /// <paramref name="quick"/> asks for a shorter one (3 warm-up, 5 measured: for CI, wider error bars).
    /// </summary>
    public static IConfig Config(bool quick = false)
    {
        Job job = quick
            ? Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Quick5")
            : Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Short15");
        return DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default);
    }

    /// <summary>
    /// Runs the benchmarks of <typeparamref name="T"/>; of a <see cref="SchemeBenchmark"/>, only the operations its
    /// <see cref="SchemeBenchmark.Operations"/> names. <c>--quick</c> among <paramref name="args"/> picks the short job.
    /// </summary>
    public static Summary Run<T>(string[]? args = null)
    {
        IConfig config = Config(Array.IndexOf(args ?? [], "--quick") >= 0);
        if (typeof(SchemeBenchmark).IsAssignableFrom(typeof(T)) && !typeof(T).IsAbstract)
        {
            SchemeOperations operations = ((SchemeBenchmark)Activator.CreateInstance(typeof(T))!).Operations;
            config = config.AddFilter(new SimpleFilter(benchmark => Measured(benchmark.Descriptor.WorkloadMethod.Name, operations)));
        }
        return BenchmarkRunner.Run<T>(config);
    }

    // A SchemeBenchmark method is measured when its operation is among those asked for; any other method always.
    internal static bool Measured(string method, SchemeOperations operations) =>
        !Enum.TryParse(method, out SchemeOperations operation) || operation == SchemeOperations.None || (operations & operation) != 0;
}
