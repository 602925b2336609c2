using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// The allocation helpers ILC calls for <c>new</c>. There is no GC: memory comes from the kernel heap and an
/// object lives until the kernel frees it explicitly. An object occupies <c>BaseSize</c> bytes that start with its
/// 8-byte header; the reference points just past the header, at the MethodTable pointer.
/// </summary>
internal static unsafe class Allocation
{
    [RuntimeExport("RhpNewFast")]
    public static object RhpNewFast(MethodTable* type) => AllocateObject(type, type->BaseSize);

    [RuntimeExport("RhpNewFinalizable")]
    public static object RhpNewFinalizable(MethodTable* type) => AllocateObject(type, type->BaseSize);

    [RuntimeExport("RhpNewArrayFast")]
    public static object RhpNewArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    public static object RhpNewPtrArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

    [RuntimeExport("RhNewString")]
    public static object RhNewString(MethodTable* type, int length) => AllocateArray(type, length);

    /// <summary>The value inside a box: it follows the MethodTable pointer. Objects never move, so a pointer is safe.</summary>
    internal static ref byte BoxData(object box) => ref *((byte*)ObjectAddress(box) + sizeof(nint));

    internal static object AllocateArray(MethodTable* type, int length)
    {
        if (length < 0) ThrowHelpers.ThrowOverflowException();
        ulong size = type->BaseSize + (ulong)(uint)length * type->ComponentSize;
        object array = AllocateObject(type, size);
        *(int*)((byte*)ObjectAddress(array) + sizeof(nint)) = length;
        return array;
    }

    internal static object AllocateObject(MethodTable* type, ulong size)
    {
        size = (size + 7) & ~7UL;
        byte* block = (byte*)KernelImports.HeapAllocate((nuint)size);
        if (block == null) ExceptionHandling.PanicText("runtime", "out of memory");
        byte* address = block + sizeof(nint); // skip the object header
        *(MethodTable**)address = type;
        return Unsafe.AsRef<object>(&address);
    }

    internal static void* ObjectAddress(object obj) => *(void**)Unsafe.AsPointer(ref obj);
}
