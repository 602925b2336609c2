namespace Redox.Runtime;

/// <summary>What one measured call of <see cref="GuestBenchmark"/> does on the open handle (Redox.Benchmarking's operations, in the guest).</summary>
public enum GuestOperation
{
    /// <summary>One <c>read</c>.</summary>
    Read,

    /// <summary>One <c>write</c>.</summary>
    Write,

    /// <summary>A <c>write</c>, then a <c>read</c> of as many bytes: the request pair of a device that gives back what it was given.</summary>
    WriteThenRead,
}
