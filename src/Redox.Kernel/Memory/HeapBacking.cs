namespace Redox.Kernel.Memory;

/// <summary>
/// Where the <see cref="KernelHeap"/> gets address space and frames from, as plain function pointers (the heap may
/// not allocate, so no delegates or interfaces). Every member may be null: then the heap never grows, treats all
/// of its memory as mapped, and never gives pages back (the early arena, and host tests over one buffer).
/// None of these functions may call back into the heap.
/// </summary>
public unsafe struct HeapBacking
{
    /// <summary>
    /// Reserves at least <c>minimum</c> more bytes of address space, writes how many into <c>*granted</c> and
    /// returns the start (null when exhausted). The range need not be mapped: the heap commits what it touches.
    /// Called with the heap's lock held, so it must be quick (no mapping of the whole range).
    /// </summary>
    public delegate*<nuint, nuint*, byte*> Grow;

    /// <summary>
    /// Makes every page touching [start, end) usable (maps fresh frames where none is mapped; pages already
    /// mapped are left alone). False when frames ran out: the pages mapped so far stay mapped.
    /// </summary>
    public delegate*<nuint, nuint, bool> Commit;

    /// <summary>
    /// Gives the frames behind the whole pages of [start, end) (page aligned) back and unmaps them; pages not
    /// mapped, or outside the range the backing grew, are skipped. Returns the bytes actually given back.
    /// </summary>
    public delegate*<nuint, nuint, nuint> Release;

    /// <summary>True when the page holding the address is mapped (lets <c>Free</c> vet a pointer without faulting).</summary>
    public delegate*<nuint, bool> IsMapped;
}
