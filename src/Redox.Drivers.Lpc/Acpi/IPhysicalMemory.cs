namespace Redox.Drivers.Lpc.Acpi;

/// <summary>
/// Reads physical memory for the ACPI table walk. On bare metal a driver maps pages through the <c>memory:</c> scheme
/// (<see cref="SchemePhysicalMemory"/>), which the kernel allows only inside the ranges of the driver's manifest
/// (<c>memory=</c>); a host test hands it synthetic tables. A struct type parameter: calls are direct, no dispatch.
/// </summary>
public interface IPhysicalMemory
{
    /// <summary>Copies <paramref name="destination"/>.Length bytes from physical <paramref name="address"/>; false when they cannot be read.</summary>
    bool TryRead(ulong address, System.Span<byte> destination);
}
