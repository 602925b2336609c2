namespace Redox.Kernel.Ipc;

/// <summary>
/// The interrupt controller seen from <see cref="IrqLineTable{TMask}"/>: masks and unmasks one line. The real kernel's
/// implementation writes the 8259's mask register (an IOAPIC would set its redirection entry's mask bit); the hosted
/// kernel's needs nothing more than the table's own record of the mask, plus a latch for an edge that arrives while
/// masked (the 8259's request register). The table decides when; this decides how.
/// </summary>
public interface IInterruptMask
{
    /// <summary>Holds <paramref name="line"/> back until <see cref="Unmask"/>.</summary>
    void Mask(int line);

    /// <summary>Lets <paramref name="line"/> through.</summary>
    void Unmask(int line);
}
