namespace Redox.Kernel.Boot;

/// <summary>Multiboot2 memory map entry types (multiboot2 spec 3.6.8).</summary>
public enum MemoryRegionKind : uint
{
    /// <summary>RAM free for use.</summary>
    Available = 1,
    /// <summary>In use or unusable.</summary>
    Reserved = 2,
    /// <summary>ACPI tables, reclaimable after reading.</summary>
    AcpiReclaimable = 3,
    /// <summary>Must be preserved across hibernation.</summary>
    AcpiNvs = 4,
    /// <summary>Defective RAM.</summary>
    BadMemory = 5,
}
