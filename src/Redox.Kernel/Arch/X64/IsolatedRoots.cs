namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The CR3 values of a process under page-table isolation (Intel SDM vol. 3, 4.10.1 for PCID and bit 63). Its two
/// roots are a frame pair: the kernel view at an 8 KiB boundary, the user view in the next frame, so one root names
/// both. Without PCID every value is a bare root (bit 63 must then be clear). With PCID the kernel view's tag is
/// 1..2047 and the user view's that plus 2048; the entry loads the kernel view without flushing, and the way out
/// loads the user view without flushing unless the tag's TLB entries may belong to another root (a new owner) or to
/// a page since unmapped (then <see cref="UserExit"/> lacks the bit once, and <see cref="UserKeep"/> has it).
/// </summary>
public readonly struct IsolatedRoots
{
    private const ulong NoFlush = 1UL << 63;

    /// <summary>Where the user view sits: the frame after the kernel view's.</summary>
    public const ulong UserViewOffset = 4096;

    /// <summary>Written to CR3 by the switch to this process (kernel mode: the kernel view).</summary>
    public ulong KernelSwitch { get; init; }

    /// <summary>Loaded by every entry from ring 3 (per-CPU block).</summary>
    public ulong KernelEntry { get; init; }

    /// <summary>Loaded by the next way out to ring 3.</summary>
    public ulong UserExit { get; init; }

    /// <summary>What <see cref="UserExit"/> becomes after each way out.</summary>
    public ulong UserKeep { get; init; }

    /// <summary>The kernel view's PCID tag: 1..2047, from the root's frame pair.</summary>
    public static ulong KernelTag(ulong root) => 1 + (root >> 13) % 2047;

    /// <summary>
    /// The values for the process whose kernel view is <paramref name="root"/>; <paramref name="kept"/>: its tags
    /// still hold only its own entries (it was the last owner of its tag), so nothing needs flushing.
    /// </summary>
    public static IsolatedRoots For(ulong root, bool pcid, bool kept)
    {
        ulong user = root + UserViewOffset;
        if (!pcid) return new IsolatedRoots { KernelSwitch = root, KernelEntry = root, UserExit = user, UserKeep = user };
        ulong kernelTag = KernelTag(root), userTag = kernelTag + 2048;
        return new IsolatedRoots
        {
            KernelSwitch = root | kernelTag | (kept ? NoFlush : 0),
            KernelEntry = root | kernelTag | NoFlush,
            UserExit = user | userTag | (kept ? NoFlush : 0),
            UserKeep = user | userTag | NoFlush,
        };
    }
}
