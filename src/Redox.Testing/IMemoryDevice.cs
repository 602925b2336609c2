namespace Redox.Testing;

/// <summary>A simulated device answering on a window of physical addresses (memory-mapped registers).</summary>
public interface IMemoryDevice
{
    /// <summary>A read of <paramref name="width"/> bytes (1, 2, 4 or 8) at <paramref name="offset"/> into the window.</summary>
    ulong Read(ulong offset, int width);

    /// <summary>A write of <paramref name="width"/> bytes at <paramref name="offset"/> into the window.</summary>
    void Write(ulong offset, int width, ulong value);
}
