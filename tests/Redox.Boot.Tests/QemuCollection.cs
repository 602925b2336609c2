using Xunit;

namespace Redox.Boot.Tests;

/// <summary>Boot tests run one QEMU at a time: TCG keeps a core busy, and timings stay comparable.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QemuCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "QEMU";
}
