namespace Redox.Kernel.Processes;

/// <summary>What the process tree needs of a process: its id, its parent, where it is in its life and how it ended.</summary>
public interface IProcessRecord
{
    /// <summary>Unique, never reused.</summary>
    int Id { get; }

    /// <summary>The parent's id (<see cref="ProcessTable.KernelId"/> for the kernel, and for orphans).</summary>
    int ParentId { get; set; }

    /// <summary>Alive or zombie.</summary>
    ProcessState State { get; set; }

    /// <summary>The wait status a zombie hands its parent.</summary>
    int ExitStatus { get; set; }
}
