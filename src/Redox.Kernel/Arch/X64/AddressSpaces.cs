using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Loading an address space into CR3. With PCID (Intel SDM vol. 3, 4.10.1), each page-table root gets a tag (its
/// frame number modulo 4095, plus 1; the kernel's own space is tag 0) and CR3 bit 63 keeps that tag's TLB entries,
/// so switching back to a recently run process does not refill its TLB. Two roots can share a tag: the kernel
/// remembers which root last ran under each tag and flushes (bit 63 clear) when the owner changes or was freed.
/// </summary>
public static unsafe class AddressSpaces
{
    private const ulong NoFlush = 1UL << 63;
    private const int TagCount = 4096;

    [StructLayout(LayoutKind.Sequential)]
    private struct TagTable { public fixed ulong Owners[TagCount]; }

    private static TagTable s_tags;
    private static ulong s_current;
    private static ulong s_kernelRoot;

    /// <summary>The root in CR3.</summary>
    public static ulong Current => s_current;

    /// <summary>Records the kernel's own root (already loaded, tag 0).</summary>
    public static void Initialize(ulong kernelRoot)
    {
        s_kernelRoot = kernelRoot;
        s_current = kernelRoot;
    }

    /// <summary>Switches to <paramref name="root"/> unless it is already loaded.</summary>
    public static void Switch(ulong root)
    {
        if (root == s_current) return;
        s_current = root;
        if (!CpuFeatures.Pcid)
        {
            Native.WriteCr3(root);
            return;
        }
        if (root == s_kernelRoot)
        {
            Native.WriteCr3(root | NoFlush);         // tag 0: only ever the kernel's space
            return;
        }
        ulong tag = 1 + (root >> 12) % (TagCount - 1);
        ref ulong owner = ref s_tags.Owners[tag];
        bool keep = owner == root;
        owner = root;
        Native.WriteCr3(root | tag | (keep ? NoFlush : 0));
    }

    /// <summary>Forgets a root that is being freed, so a space that reuses its frame starts with a flushed tag.</summary>
    public static void Forget(ulong root)
    {
        ulong tag = 1 + (root >> 12) % (TagCount - 1);
        if (s_tags.Owners[tag] == root) s_tags.Owners[tag] = 0;
    }
}
