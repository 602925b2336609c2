using System.Runtime.CompilerServices;

namespace Redox.Kernel.Memory;

/// <summary>How a 48-bit virtual address splits into four 9-bit table indices and a 12-bit offset.</summary>
public static class PageTableIndex
{
    /// <summary>Index into the level-<paramref name="level"/> table (4 = PML4, 3 = PDPT, 2 = PD, 1 = PT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int At(ulong virtualAddress, int level) => (int)((virtualAddress >> (12 + 9 * (level - 1))) & 511);

    /// <summary>Offset inside a 4 KiB page.</summary>
    public static ulong PageOffset(ulong virtualAddress) => virtualAddress & 0xFFF;

    /// <summary>True when bits 48..63 copy bit 47, as the CPU requires.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCanonical(ulong virtualAddress)
    {
        ulong top = virtualAddress >> 47;
        return top == 0 || top == 0x1FFFF;
    }

    /// <summary>The address whose indices are the given ones (sign-extended).</summary>
    public static ulong Compose(int pml4, int pdpt, int pd, int pt, ulong offset = 0)
    {
        ulong address = ((ulong)pml4 << 39) | ((ulong)pdpt << 30) | ((ulong)pd << 21) | ((ulong)pt << 12) | offset;
        return (address & (1UL << 47)) != 0 ? address | 0xFFFF_0000_0000_0000 : address;
    }
}
