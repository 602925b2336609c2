using Redox.Kernel.Memory;

namespace Redox.Kernel.Processes;

/// <summary>
/// Maps a validated <see cref="ElfImage"/> and a stack into a process's fresh address space: every page a zeroed
/// frame of its own (copied from the file where the segment has file bytes), user-accessible, writable only when
/// the segment is, executable only when it is (W^X, NX on data and the stack). On failure the caller releases the
/// space, which frees every frame mapped so far (they are all marked owned).
/// </summary>
public static unsafe class ElfLoader
{
    /// <summary>Maps the segments; false when out of frames or tables.</summary>
    public static bool LoadSegments(AddressSpace space, FrameAllocator frames, in ElfImage elf)
    {
        for (int i = 0; i < elf.SegmentCount; i++)
        {
            ElfSegment segment = elf.Segment(i);
            ReadOnlySpan<byte> file = elf.FileBytes(segment);
            ulong flags = PageTableEntry.User | PageTableEntry.Owned |
                          (segment.Writable ? PageTableEntry.Writable : 0) |
                          (segment.Executable ? 0 : PageTableEntry.NoExecute);
            for (ulong page = segment.FirstPage; page < segment.EndPage; page += ElfImage.PageSize)
            {
                byte* target = MapZeroed(space, frames, page, flags);
                if (target == null) return false;
                // The part of this page that holds file bytes: [max(page, vaddr), min(page + 4 KiB, vaddr + filesz)).
                ulong from = page > segment.VirtualAddress ? page : segment.VirtualAddress;
                ulong fileEnd = segment.VirtualAddress + segment.FileSize;
                ulong to = page + ElfImage.PageSize < fileEnd ? page + ElfImage.PageSize : fileEnd;
                if (to > from)
                {
                    ReadOnlySpan<byte> bytes = file.Slice((int)(from - segment.VirtualAddress), (int)(to - from));
                    bytes.CopyTo(new Span<byte>(target + (from - page), (int)(to - from)));
                }
            }
        }
        return true;
    }

    /// <summary>Most bytes of argument text (name included) a process may start with.</summary>
    public const int MaxArgumentBytes = 2048;

    /// <summary>Most arguments (name included).</summary>
    public const int MaxArguments = 64;

    /// <summary>
    /// Maps <see cref="UserLayout.StackSize"/> bytes of zeroed stack below <see cref="UserLayout.StackTop"/> and lays
    /// out the System V start: argc, argv (<paramref name="name"/>, then the space-separated words of
    /// <paramref name="arguments"/>), a null, an empty environment and an empty auxiliary vector, with the strings
    /// above. Returns the initial stack pointer (16-byte aligned, at argc), or 0 when out of frames or the
    /// arguments are too long.
    /// </summary>
    public static ulong MapStack(AddressSpace space, FrameAllocator frames, ReadOnlySpan<byte> name, ReadOnlySpan<byte> arguments)
    {
        int count = 1, textBytes = name.Length + 1;
        for (int position = 0; NextWord(arguments, ref position, out ReadOnlySpan<byte> word);)
        {
            count++;
            textBytes += word.Length + 1;
        }
        if (count > MaxArguments || textBytes > MaxArgumentBytes) return 0;
        const ulong Flags = PageTableEntry.User | PageTableEntry.Owned | PageTableEntry.Writable | PageTableEntry.NoExecute;
        byte* top = null;
        for (ulong page = UserLayout.StackTop - UserLayout.StackSize; page < UserLayout.StackTop; page += ElfImage.PageSize)
        {
            top = MapZeroed(space, frames, page, Flags);
            if (top == null) return 0;
        }
        // Everything fits in the top page: write it through the kernel's window onto that frame.
        ulong topPage = UserLayout.StackTop - ElfImage.PageSize;
        ulong strings = (UserLayout.StackTop - (ulong)textBytes) & ~15UL;
        ulong pointers = 8 + (ulong)(count + 1) * 8 + 8 + 16;
        ulong stack = (strings - pointers) & ~15UL;
        ulong* slots = (ulong*)(top + (stack - topPage));
        byte* text = top + (strings - topPage);
        slots[0] = (ulong)count;
        int index = 1;
        ulong cursor = strings;
        slots[index++] = cursor;
        cursor += Put(text, name);
        text += name.Length + 1;
        for (int position = 0; NextWord(arguments, ref position, out ReadOnlySpan<byte> word);)
        {
            slots[index++] = cursor;
            cursor += Put(text, word);
            text += word.Length + 1;
        }
        slots[index++] = 0;              // argv's null
        slots[index++] = 0;              // envp: empty
        slots[index++] = 0;              // auxv: AT_NULL
        slots[index] = 0;
        return stack;
    }

    private static ulong Put(byte* destination, ReadOnlySpan<byte> text)
    {
        text.CopyTo(new Span<byte>(destination, text.Length));
        destination[text.Length] = 0;
        return (ulong)text.Length + 1;
    }

    private static bool NextWord(ReadOnlySpan<byte> text, ref int position, out ReadOnlySpan<byte> word)
    {
        while (position < text.Length && text[position] == (byte)' ') position++;
        int start = position;
        while (position < text.Length && text[position] != (byte)' ') position++;
        word = text.Slice(start, position - start);
        return !word.IsEmpty;
    }

    /// <summary>Maps a fresh zeroed frame at <paramref name="page"/>; returns its kernel address, or null.</summary>
    public static byte* MapZeroed(AddressSpace space, FrameAllocator frames, ulong page, ulong flags)
    {
        ulong frame = frames.Allocate();
        if (frame == 0) return null;
        if (!space.Map(page, frame, flags))
        {
            frames.Free(frame);
            return null;
        }
        byte* target = (byte*)(space.PhysicalWindow + frame);
        new Span<byte>(target, (int)ElfImage.PageSize).Clear();
        return target;
    }
}
