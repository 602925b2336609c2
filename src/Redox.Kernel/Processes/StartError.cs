namespace Redox.Kernel.Processes;

/// <summary>Why a process could not be started.</summary>
public enum StartError
{
    /// <summary>Started.</summary>
    None,
    /// <summary>The ELF image was refused (see <see cref="ElfImage.TryParse"/>).</summary>
    BadExecutable,
    /// <summary>Out of frames or page tables.</summary>
    NoMemory,
    /// <summary>The process table is full.</summary>
    TableFull,
}
