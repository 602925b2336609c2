namespace Internal.Runtime;

/// <summary>
/// Reads ILC's native layout blob (<c>__nativelayoutinfo</c>): type signatures, method entries and the bags that
/// describe a shared generic method's template. Only the encodings ILC 10 writes for generic method templates and
/// their dictionary slots are read; each is a NativeFormat integer stream (<see cref="NativeFormatReader"/>).
/// A type signature starts with one integer: kind in the low four bits, data above. Pure pointer code, so the host
/// tests run it over bytes ILC wrote.
/// </summary>
internal static unsafe class NativeLayout
{
    /// <summary>Type signature: the real signature is <c>data</c> bytes before this one (ILC shares repeated signatures).</summary>
    public const uint LookbackKind = 0x1;

    /// <summary>Type signature: array, byref or pointer (data) of the signature that follows.</summary>
    public const uint ModifierKind = 0x2;

    /// <summary>Type signature: a generic type (the signature that follows) over data arguments (their signatures follow).</summary>
    public const uint InstantiationKind = 0x3;

    /// <summary>Type signature: generic parameter data / 2 of the method (odd data) or of its type (even data).</summary>
    public const uint VariableKind = 0x4;

    /// <summary>Type signature: entry data of the native references table (a MethodTable in the image).</summary>
    public const uint ExternalKind = 0x6;

    /// <summary>Modifier data for a single-dimensional, zero-based array.</summary>
    public const uint ArrayModifier = 0x1;

    /// <summary>Method entry flag: type arguments follow the method's handle.</summary>
    public const uint HasInstantiationFlag = 0x1;

    /// <summary>Method entry flag: a native references index of the method's code follows the flags.</summary>
    public const uint HasFunctionPointerFlag = 0x4;

    /// <summary>Bag element of a type template: its base class, when generic over the type's parameters (a relative offset to its signature).</summary>
    public const uint BaseTypeBagElement = 0x01;

    /// <summary>Bag element of a type template: the interfaces it implements (a relative offset to their count, then their signatures).</summary>
    public const uint ImplementedInterfacesBagElement = 0x02;

    /// <summary>Bag element of a template: the dictionary's slots (a relative offset to their sequence).</summary>
    public const uint DictionaryLayoutBagElement = 0x40;

    /// <summary>Bag element of an exact type's statics: its non-GC statics (a native statics index).</summary>
    public const uint NonGcStaticDataBagElement = 0x42;

    /// <summary>Bag element of an exact type's statics: its GC statics slot (a native statics index).</summary>
    public const uint GcStaticDataBagElement = 0x43;

    /// <summary>Bag element of a type template: bytes of non-GC statics.</summary>
    public const uint NonGcStaticDataSizeBagElement = 0x44;

    /// <summary>Bag element of a type template: bytes of GC statics.</summary>
    public const uint GcStaticDataSizeBagElement = 0x45;

    /// <summary>Bag element of a type template: its lazy static constructor (the canonical code, a native statics index).</summary>
    public const uint ClassConstructorBagElement = 0x4e;

    /// <summary>Dictionary slot: a MethodTable.</summary>
    public const uint TypeHandleSlot = 0x01;

    /// <summary>Dictionary slot: an interface dispatch cell (the interface's signature and the method's slot follow).</summary>
    public const uint InterfaceCallSlot = 0x02;

    /// <summary>Dictionary slot: the dictionary of another generic method (a method entry follows).</summary>
    public const uint MethodDictionarySlot = 0x04;

    /// <summary>Dictionary slot: a type's statics (its signature, then 1 for the GC statics slot's address, 2 for the non-GC data).</summary>
    public const uint StaticDataSlot = 0x05;

    /// <summary>Static data kind of a <see cref="StaticDataSlot"/>: GC statics.</summary>
    public const uint GcStatics = 1;

    /// <summary>Dictionary slot: a MethodTable, the underlying type when it is a <c>Nullable&lt;T&gt;</c>.</summary>
    public const uint UnwrapNullableSlot = 0x06;

    /// <summary>Dictionary slot: the code of a type's parameterless constructor (<c>new T()</c>; the type's signature follows).</summary>
    public const uint DefaultConstructorSlot = 0x0a;

    /// <summary>Dictionary slot: the code to call for a method (plain, or a fat pointer with its generic context; a method entry with its code follows).</summary>
    public const uint MethodEntrySlot = 0x0d;

    /// <summary>Dictionary slot: a static virtual interface member on a type (the type's signature, the interface's, then the member's slot in it).</summary>
    public const uint StaticConstrainedMethodSlot = 0x21;

    /// <summary>Dictionary slot: a generic static virtual interface member on a type (<c>T.Make&lt;U&gt;()</c>: the type's signature, then a method entry naming the interface's method and its type arguments).</summary>
    public const uint GenericStaticConstrainedMethodSlot = 0x22;

    /// <summary>Dictionary slot: a method handle (a <c>RuntimeMethodHandle</c>, e.g. of a generic virtual method; a method entry follows).</summary>
    public const uint MethodHandleSlot = 0x08;

    /// <summary>The kind of the type signature at <paramref name="position"/> and its data; moves past its first integer.</summary>
    public static uint ReadTypeKind(ref byte* position, out uint data)
    {
        uint value = NativeFormatReader.ReadUnsigned(ref position);
        data = value >> 4;
        return value & 0xF;
    }

    /// <summary>
    /// Where the type signature at <paramref name="position"/> really is (past any lookback), with
    /// <paramref name="position"/> moved past the signature as it stands in the stream.
    /// </summary>
    public static byte* Locate(ref byte* position)
    {
        byte* start = position;
        uint kind = ReadTypeKind(ref position, out uint data);
        if (kind == LookbackKind) return Locate(start - data);
        position = start;
        Skip(ref position);
        return start;
    }

    private static byte* Locate(byte* signature)
    {
        byte* position = signature;
        return Locate(ref position);
    }

    /// <summary>Moves <paramref name="position"/> past one type signature.</summary>
    public static void Skip(ref byte* position)
    {
        uint kind = ReadTypeKind(ref position, out uint data);
        switch (kind)
        {
            case ModifierKind:
                Skip(ref position);
                break;
            case InstantiationKind:
                Skip(ref position);
                for (uint i = 0; i < data; i++) Skip(ref position);
                break;
        }
    }

    /// <summary>The unsigned value of bag element <paramref name="kind"/> in the bag at <paramref name="bag"/>; false when absent.</summary>
    public static bool TryGetBagUnsigned(byte* bag, uint kind, out uint value)
    {
        byte* position = bag;
        while (true)
        {
            uint element = NativeFormatReader.ReadUnsigned(ref position);
            if (element == 0)
            {
                value = 0;
                return false;
            }
            value = NativeFormatReader.ReadUnsigned(ref position);
            if (element == kind) return true;
        }
    }

    /// <summary>The data of bag element <paramref name="kind"/> in the bag at <paramref name="bag"/>; null when absent.</summary>
    public static byte* FindBagElement(byte* bag, uint kind)
    {
        byte* position = bag;
        while (true)
        {
            uint element = NativeFormatReader.ReadUnsigned(ref position);
            if (element == 0) return null;
            byte* offsetAt = position;
            int offset = NativeFormatReader.ReadSigned(ref position);
            if (element == kind) return offsetAt + offset;
        }
    }
}
