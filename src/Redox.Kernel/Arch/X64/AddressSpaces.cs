using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Loading an address space into CR3. With PCID (Intel SDM vol. 3, 4.10.1), each page-table root gets a tag (its
/// frame number modulo 4095, plus 1; the kernel's own space is tag 0) and CR3 bit 63 keeps that tag's TLB entries,
/// so switching back to a recently run process does not refill its TLB. Two roots can share a tag: the kernel
/// remembers which root last ran under each tag and flushes (bit 63 clear) when the owner changes or was freed.
/// <para>
/// With page-table isolation each process has two roots side by side (its kernel view, 8 KiB aligned, and its user
/// view in the next frame: <see cref="IsolatedRoots"/>); the one loaded here is the kernel view, and the per-CPU block
/// gets both for the entry and exit paths. With PCID too, a process has two tags, 1..2047 for the kernel view and that
/// plus 2048 for the user view (both chosen by the root's frame pair).
/// </para>
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
    private static bool s_tagged;                 // PCID or isolation: the plain CR3 write is not enough
    private static bool s_isolated;

    /// <summary>The root in CR3.</summary>
    public static ulong Current => s_current;

    /// <summary>Records the kernel's own root (already loaded, tag 0).</summary>
    public static void Initialize(ulong kernelRoot)
    {
        s_kernelRoot = kernelRoot;
        s_current = kernelRoot;
        s_tagged = CpuFeatures.Pcid || s_isolated;
    }

    /// <summary>Page-table isolation from now on (before any process runs): both roots of each space get loaded.</summary>
    public static void Isolate()
    {
        s_isolated = true;
        s_tagged = true;
    }

    /// <summary>Switches to <paramref name="root"/> unless it is already loaded.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Switch(ulong root)
    {
        if (root == s_current) return;
        s_current = root;
        // The plain case's cost is what it was before isolation existed: one flag, one CR3 write.
        if (!s_tagged)
        {
            Native.WriteCr3(root);
            return;
        }
        SwitchTagged(root);
    }

    private static void SwitchTagged(ulong root)
    {
        bool pcid = CpuFeatures.Pcid;
        if (root == s_kernelRoot)
        {
            // Kernel threads never return to ring 3: the exit path's roots stay the kernel's, never loaded.
            if (s_isolated) PerCpu.SetRoots(root | (pcid ? NoFlush : 0), root, root);
            Native.WriteCr3(pcid ? root | NoFlush : root);   // tag 0: only ever the kernel's space
            return;
        }
        if (!s_isolated)
        {
            ulong tag = Tag(root);
            ref ulong owner = ref s_tags.Owners[tag];
            bool keep = owner == root;
            owner = root;
            Native.WriteCr3(root | tag | (keep ? NoFlush : 0));
            return;
        }
        bool kept = false;
        if (pcid)
        {
            ref ulong owner = ref s_tags.Owners[Tag(root)];
            kept = owner == root;
            owner = root;
        }
        IsolatedRoots roots = IsolatedRoots.For(root, pcid, kept);
        PerCpu.SetRoots(roots.KernelEntry, roots.UserExit, roots.UserKeep);
        Native.WriteCr3(roots.KernelSwitch);
    }

    /// <summary>Forgets a root that is being freed, so a space that reuses its frame starts with a flushed tag.</summary>
    public static void Forget(ulong root)
    {
        ulong tag = Tag(root);
        if (s_tags.Owners[tag] == root) s_tags.Owners[tag] = 0;
    }

    /// <summary>
    /// A kernel-half mapping changed (isolation with PCID: the kernel's pages are not global, so every process's kernel
    /// tag may cache it). Every tag but the running one flushes on its next load; the running one was just invalidated.
    /// </summary>
    public static void ForgetAllTags()
    {
        for (int i = 0; i < TagCount; i++) s_tags.Owners[i] = 0;
        if (s_current != s_kernelRoot) s_tags.Owners[Tag(s_current)] = s_current;
    }

    private static ulong Tag(ulong root) => s_isolated ? IsolatedRoots.KernelTag(root) : 1 + (root >> 12) % (TagCount - 1);
}
