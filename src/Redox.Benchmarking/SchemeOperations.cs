using System;

namespace Redox.Benchmarking;

/// <summary>The client operations a <see cref="SchemeBenchmark"/> measures (its <c>[Benchmark]</c> methods of the same names).</summary>
[Flags]
public enum SchemeOperations
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="SchemeBenchmark.Read"/>: one <c>read</c>.</summary>
    Read = 1,

    /// <summary><see cref="SchemeBenchmark.Write"/>: one <c>write</c>.</summary>
    Write = 2,

    /// <summary><see cref="SchemeBenchmark.WriteThenRead"/>: a <c>write</c> and a <c>read</c> of the same size.</summary>
    WriteThenRead = 4,
}
