namespace Redox.Drivers.Lpc.Acpi;

/// <summary>What the walk to the FADT's CENTURY field found (<see cref="AcpiTables.FindCentury"/>).</summary>
public enum FadtCentury
{
    /// <summary>The FADT names a CMOS century register (0x0E-0x7F).</summary>
    Register = 0,

    /// <summary>The FADT was read and has no century register (CENTURY is 0, or the table ends before offset 108).</summary>
    NoRegister,

    /// <summary>Physical memory where the RSDP is searched (the EBDA pointer, the EBDA, 0xE0000-0xFFFFF) could not be read.</summary>
    Unreadable,

    /// <summary>No "RSD PTR " with a valid checksum in the EBDA's first KiB or in 0xE0000-0xFFFFF.</summary>
    NoRsdp,

    /// <summary>Neither the XSDT nor the RSDT could be read with its signature and a valid checksum.</summary>
    BadRootTable,

    /// <summary>The root table lists no readable "FACP" table.</summary>
    NoFadt,

    /// <summary>The FADT's checksum is wrong, or its length is impossible.</summary>
    BadFadt,

    /// <summary>CENTURY names a register that cannot be one (below 0x0E, the clock's own registers, or above 0x7F).</summary>
    BadRegister,
}
