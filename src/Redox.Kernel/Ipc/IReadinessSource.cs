namespace Redox.Kernel.Ipc;

/// <summary>What readiness is posted for: a subscription whose watched description it matches receives it.</summary>
/// <typeparam name="TWatched">The kernel's open description.</typeparam>
public interface IReadinessSource<TWatched> where TWatched : class
{
    /// <summary>True when a subscription watching <paramref name="watched"/> is to receive the posted readiness.</summary>
    bool Matches(TWatched watched);
}
