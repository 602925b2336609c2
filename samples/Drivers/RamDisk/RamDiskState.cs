using Redox.Syscall;

namespace Samples.Drivers.RamDisk;

/// <summary>Per-handle state of <c>ramdisk:</c>: how it was opened.</summary>
public struct RamDiskState
{
    /// <summary>The open flags (access mode checked on write).</summary>
    public OpenFlags Flags;
}
