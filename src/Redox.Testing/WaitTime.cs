using System.Diagnostics;

namespace Redox.Testing;

/// <summary>The time left of a wait with a limit, for the hosted kernel's waits (calls, signals, slots).</summary>
internal static class WaitTime
{
    /// <summary>
    /// Milliseconds left of a wait of <paramref name="timeoutMs"/> begun at <paramref name="start"/> (a
    /// <see cref="Stopwatch"/> timestamp): -1 when the wait has no limit (a negative <paramref name="timeoutMs"/>), 0
    /// when none is left; what <see cref="System.Threading.Monitor.Wait(object, int)"/> takes.
    /// </summary>
    public static int Remaining(long start, int timeoutMs)
    {
        if (timeoutMs < 0)
        {
            return -1;
        }
        long elapsed = (Stopwatch.GetTimestamp() - start) * 1000 / Stopwatch.Frequency;
        return elapsed >= timeoutMs ? 0 : (int)(timeoutMs - elapsed);
    }
}
