namespace Redox.Kernel.Arch.X64;

/// <summary>
/// What the CPU offers (CPUID) and the protections the kernel turns on when it can (Intel SDM vol. 3, 4.6):
/// SMEP (ring 0 never executes user pages), SMAP (ring 0 touches user pages only inside redox_user_copy),
/// and PCID (address-space switches keep other spaces' TLB entries).
/// </summary>
public static unsafe class CpuFeatures
{
    private const ulong Cr4Pcide = 1UL << 17, Cr4Smep = 1UL << 20, Cr4Smap = 1UL << 21;

    /// <summary>CPUID.7.0:EBX[7].</summary>
    public static bool Smep { get; private set; }

    /// <summary>CPUID.7.0:EBX[20].</summary>
    public static bool Smap { get; private set; }

    /// <summary>CPUID.1:ECX[17] (process-context identifiers).</summary>
    public static bool Pcid { get; private set; }

    /// <summary>Reads CPUID and sets CR4: SMEP, SMAP and PCIDE where available.</summary>
    public static void Initialize()
    {
        uint* r = stackalloc uint[4];
        Native.Cpuid(0, 0, r);
        uint maxLeaf = r[0];
        Native.Cpuid(1, 0, r);
        Pcid = (r[2] & (1u << 17)) != 0;
        if (maxLeaf >= 7)
        {
            Native.Cpuid(7, 0, r);
            Smep = (r[1] & (1u << 7)) != 0;
            Smap = (r[1] & (1u << 20)) != 0;
        }
        ulong cr4 = Native.ReadCr4();                // PGE is already on: the boot stub sets it
        if (Smep) cr4 |= Cr4Smep;
        if (Smap) cr4 |= Cr4Smap;
        // PCIDE may only be set while CR3's PCID field is 0, which it is: the kernel space runs as PCID 0.
        if (Pcid) cr4 |= Cr4Pcide;
        Native.WriteCr4(cr4);
    }
}
