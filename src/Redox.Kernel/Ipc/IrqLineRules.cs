using Redox.Syscall;

namespace Redox.Kernel.Ipc;

/// <summary>
/// Which <c>irq:N</c> a process may open, for both kernels: N is decimal, one of the 8259 pair's lines 1-15 except 2
/// (the cascade) and 0 (the scheduler's timer), else ENOENT; a line its manifest does not grant is EACCES.
/// </summary>
public static class IrqLineRules
{
    /// <summary>Lines of the two 8259s.</summary>
    public const int Count = 16;

    /// <summary>Every line a driver could be granted (1-15 without 2), as a grant mask.</summary>
    public const ushort AllLines = 0xFFFA;

    /// <summary>
    /// The line <paramref name="path"/> (what follows <c>irq:</c>) names, checked against <paramref name="grants"/>
    /// (bit N grants line N): 0 and the line, or ENOENT/EACCES before anything changes.
    /// </summary>
    public static Errno Check(System.ReadOnlySpan<byte> path, ushort grants, out int line)
    {
        line = Boot.InitManifest.Number(path, -1);
        if (line < 1 || line >= Count || line == 2) return Errno.ENOENT;
        if ((grants & (1 << line)) == 0) return Errno.EACCES;
        return 0;
    }
}
