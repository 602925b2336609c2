namespace Redox.Kernel.Processes;

/// <summary>Where a process is in its life.</summary>
public enum ProcessState
{
    /// <summary>Its thread runs, waits or sleeps.</summary>
    Alive,
    /// <summary>Exited or killed; its memory is gone, its status waits for the parent (waitpid).</summary>
    Zombie,
}
