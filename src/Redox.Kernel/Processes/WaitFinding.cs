namespace Redox.Kernel.Processes;

/// <summary>What <see cref="ProcessTree{TProcess}.FindEndedChild"/> found.</summary>
public enum WaitFinding
{
    /// <summary>No such child (waitpid answers ECHILD).</summary>
    NoChild,
    /// <summary>Such children exist, none has ended yet (waitpid blocks, or answers 0 with WNOHANG).</summary>
    Running,
    /// <summary>An ended child, ready to be reaped.</summary>
    Zombie,
}
