using Redox.Benchmarking;

namespace MyDriver.Benchmarks;

/// <summary>Runs the driver's benchmarks: <c>dotnet run -c Release -- --quick</c> for a shorter job.</summary>
public static class Program
{
    /// <summary>BenchmarkDotNet's table, with the bytes allocated per request, on the console and in BenchmarkDotNet.Artifacts/.</summary>
    public static void Main(string[] args) => SchemeBenchmarkRunner.Run<MyDriverSchemeBenchmarks>(args);
}
