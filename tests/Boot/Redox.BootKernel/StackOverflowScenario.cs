using Redox.Kernel.Scheduling;

/// <summary>
/// A thread recurses without end. Its stack sits above an unmapped guard page, so the overflow faults; the CPU
/// cannot push the page-fault frame onto the dead stack and raises a double fault, which runs on its own IST stack
/// and is reported. Never returns.
/// </summary>
public static unsafe class StackOverflowScenario
{
    /// <summary>Starts the runaway thread and waits for the machine to stop.</summary>
    public static bool Run()
    {
        Threads.Spawn("runaway", &Runaway, 1);
        Threads.Sleep(500);
        return false;
    }

    private static void Runaway(nint depth) => Deeper((int)depth);

    private static int Deeper(int depth)
    {
        byte* frame = stackalloc byte[256];
        frame[depth & 255] = (byte)depth;
        return Deeper(depth + 1) + frame[(depth * 7) & 255];
    }
}
