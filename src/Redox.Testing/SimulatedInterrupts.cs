using System;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// Interrupt lines of a simulated machine: device models <see cref="Raise"/> a line (an i8042 raises IRQ 1 and
/// 12), a hosted driver loop waits for any line (<see cref="Wait"/>) and takes the pending set
/// (<see cref="TakePending"/>), as a Redox daemon reads its <c>irq:</c> descriptors. Lines 0-31; edge
/// semantics: raising a pending line again only counts. Each raise is also reported to <see cref="Raised"/>: the hosted
/// kernel's <see cref="HostedKernel.Interrupts"/> forwards it to its <c>irq:</c> scheme.
/// </summary>
public sealed class SimulatedInterrupts
{
    private readonly long[] _counts = new long[32];
    private readonly object _gate = new();
    private uint _pending;

    /// <summary>Called with the line after each <see cref="Raise"/>, outside the lines' lock (the hosted kernel's <c>irq:</c> listens here).</summary>
    public event Action<int>? Raised;

    /// <summary>Raises <paramref name="line"/> (0-31), wakes a waiter and tells <see cref="Raised"/>.</summary>
    public void Raise(int line)
    {
        if ((uint)line >= 32)
        {
            throw new ArgumentOutOfRangeException(nameof(line));
        }
        lock (_gate)
        {
            _pending |= 1u << line;
            _counts[line]++;
            Monitor.PulseAll(_gate);
        }
        Raised?.Invoke(line);
    }

    /// <summary>How often <paramref name="line"/> was raised.</summary>
    public long Count(int line)
    {
        lock (_gate)
        {
            return _counts[line];
        }
    }

    /// <summary>The lines raised since the last call (bit n = line n), cleared.</summary>
    public uint TakePending()
    {
        lock (_gate)
        {
            uint p = _pending;
            _pending = 0;
            return p;
        }
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> until some line is pending; true when one is.</summary>
    public bool Wait(int timeoutMs)
    {
        lock (_gate)
        {
            if (_pending == 0 && timeoutMs != 0)
            {
                Monitor.Wait(_gate, timeoutMs);
            }
            return _pending != 0;
        }
    }
}
