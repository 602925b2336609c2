using Redox.Benchmarking;
using Redox.Scheme;
using Samples.Drivers.Zero;

namespace Redox.Benchmarks;

/// <summary>
/// The sample zero: driver measured the way a driver author measures their own (Redox.Benchmarking): these few lines
/// are the whole benchmark. Run with <c>-- --filter '*ZeroScheme*'</c>.
/// </summary>
public class ZeroSchemeBenchmarks : SchemeBenchmark
{
    /// <inheritdoc/>
    protected override SchemeBase CreateScheme() => new ZeroScheme();

    /// <inheritdoc/>
    protected override string SchemeName => "zero";
}
