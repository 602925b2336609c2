namespace Redox.Kernel.Ipc;

/// <summary>
/// The interrupt controller seen from <see cref="IrqLineTable{TMask}"/>: masks and unmasks one line. The real kernel's
/// implementation writes the 8259's mask register (an IOAPIC would set its redirection entry's mask bit); the hosted
/// kernel's holds the line back in its model, remembering an edge that arrives meanwhile as the 8259's request
/// register does. The table decides when; this decides how.
/// </summary>
public interface IInterruptMask
{
    /// <summary>Holds <paramref name="line"/> back until <see cref="Unmask"/>.</summary>
    void Mask(int line);

    /// <summary>Lets <paramref name="line"/> through.</summary>
    void Unmask(int line);
}
