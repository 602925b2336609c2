namespace Redox.Kernel.Processes;

/// <summary>The kernel schemes a descriptor can name before user schemes exist.</summary>
public enum KernelFileKind
{
    /// <summary><c>debug:</c>: writes go to the kernel log; reads answer end of file.</summary>
    Debug,
    /// <summary><c>initfs:</c>: a read-only file of the boot archive.</summary>
    Initfs,
}
