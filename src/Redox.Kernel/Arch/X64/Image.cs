using System.Runtime.CompilerServices;
using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: what the boot stub and the linker script of this arch provide to generic code: the kernel image's
/// layout, the early heap's range, the linked type-name table, and the image's own Main.
/// </summary>
public static unsafe class Image
{
    /// <summary>Fills seven words: physical start, physical end, virtual base, text end, read-only end, end, text start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Layout(ulong* words) => Native.KernelLayout(words);

    /// <summary>
    /// Fills four words: the pages of the entry code (start, end) and of the entry area (start, end), all of the kernel
    /// that a process's user view maps under page-table isolation. Page-aligned, in the kernel image.
    /// </summary>
    public static void EntryLayout(ulong* words)
    {
        Native.EntryTextRange(words);
        EntryArea.Pages(out words[2], out words[3]);
    }

    /// <summary>The boot stub's heap arena, used until paging is the kernel's own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void EarlyHeapRange(byte** start, byte** end) => Native.EarlyHeapRange(start, end);

    /// <summary>The linked type-name table (Redox.Sdk's RedoxWriteTypeNameTable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static ulong* TypeNameTable() => Native.TypeNameTable();

    /// <summary>Runs the image's Main and returns its exit code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static int RunMain(int argc, nint argv) => Native.ImageMain(argc, argv);
}
