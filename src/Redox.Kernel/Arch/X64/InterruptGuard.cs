using Redox.Kernel.Arch.X64;
namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: interrupts off for a scope, then back to what they were: the kernel's lock on one CPU (the heap,
/// the run queues). A ref struct with Dispose, so <c>using</c> works without boxing or an interface call.
/// </summary>
public readonly ref struct InterruptGuard
{
    private const ulong InterruptFlag = 0x200;
    private readonly bool _wereEnabled;

    private InterruptGuard(bool wereEnabled) => _wereEnabled = wereEnabled;

    /// <summary>Disables interrupts, remembering whether they were on.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static InterruptGuard Enter() => new InterruptGuard((Native.DisableInterruptsSavingFlags() & InterruptFlag) != 0);

    /// <summary>Re-enables interrupts if they were on at <see cref="Enter"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Dispose()
    {
        if (_wereEnabled) Native.EnableInterrupts();
    }
}
