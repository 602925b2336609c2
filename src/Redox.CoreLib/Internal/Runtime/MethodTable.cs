using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// The type descriptor ILC emits for every type (NativeAOT's MethodTable). The layout is a contract with the
/// compiler: flags, base size, related type, vtable slot and interface counts, hash, then the vtable, the
/// interface map, and the optional fields this file reads (each a 32-bit self-relative pointer, present only when
/// its flag says so, in the order of NativeAOT's <c>MethodTable.GetFieldOffset</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MethodTable
{
    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint KindMask = 0x00030000;
    private const uint ParameterizedKind = 0x00020000;
    private const uint HasDispatchMapFlag = 0x00040000;
    private const uint HasFinalizerFlag = 0x00100000;
    private const uint HasSealedVTableEntriesFlag = 0x00400000;
    private const uint GenericVarianceFlag = 0x00800000;
    private const uint HasPointersFlag = 0x01000000;
    private const uint IsGenericFlag = 0x02000000;
    private const uint ElementTypeMask = 0x7C000000;
    private const int ElementTypeShift = 26;
    private const uint ElementTypeInterface = 0x15;
    private const uint ElementTypeSzArray = 0x18;
    private const uint ElementTypeArray = 0x17;
    private const uint ElementTypeNullable = 0x12;

    private uint _flags;
    private uint _baseSize;
    private MethodTable* _relatedType;
    private ushort _numVtableSlots;
    private ushort _numInterfaces;
    private uint _hashCode;

    /// <summary>
    /// The MethodTable of <typeparamref name="T"/>. RyuJIT always expands it: a constant in exact code, a type slot of
    /// the generic dictionary in shared code.
    /// </summary>
    [Intrinsic]
    public static MethodTable* Of<T>() => throw null!;

    /// <summary>Bytes of one instance, including the 8-byte object header that precedes the MethodTable pointer.</summary>
    public uint BaseSize => _baseSize;

    /// <summary>Bytes per element for arrays and strings; 0 otherwise.</summary>
    public ushort ComponentSize => (_flags & HasComponentSizeFlag) != 0 ? (ushort)_flags : (ushort)0;

    /// <summary>The base class (for classes) or element type (for arrays and pointers).</summary>
    public MethodTable* RelatedType => _relatedType;

    /// <summary>The base class, or null for arrays, interfaces and <c>object</c>.</summary>
    public MethodTable* BaseType => IsParameterized || IsInterface ? null : _relatedType;

    /// <summary>True for arrays, pointers and byrefs.</summary>
    public bool IsParameterized => (_flags & KindMask) == ParameterizedKind;

    /// <summary>True for interfaces.</summary>
    public bool IsInterface => ElementType == ElementTypeInterface;

    /// <summary>True for single- or multi-dimensional arrays.</summary>
    public bool IsArray => ElementType == ElementTypeSzArray || ElementType == ElementTypeArray;

    /// <summary>True for single-dimensional, zero-based arrays (<c>T[]</c>).</summary>
    public bool IsSzArray => ElementType == ElementTypeSzArray;

    /// <summary>True for structs, enums and primitives (element types Void..Nullable in ILC's numbering).</summary>
    public bool IsValueType => ElementType >= 0x01 && ElementType <= 0x13;

    /// <summary>True for <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsNullable => ElementType == ElementTypeNullable;

    /// <summary>True for an instantiation of a generic type (<c>IBox&lt;int&gt;</c>), not for its definition.</summary>
    public bool IsGeneric => (_flags & IsGenericFlag) != 0;

    /// <summary>True for a generic interface or delegate with at least one <c>in</c> or <c>out</c> parameter.</summary>
    public bool HasGenericVariance => (_flags & GenericVarianceFlag) != 0;

    /// <summary>The size of a value type's data inside its box.</summary>
    public uint ValueTypeSize => _baseSize - (uint)(sizeof(nint) * 2);

    private uint ElementType => (_flags & ElementTypeMask) >> ElementTypeShift;

    /// <summary>How many slots the vtable (which follows this header) has.</summary>
    public int NumVtableSlots => _numVtableSlots;

    /// <summary>The vtable: code addresses, indexed by slot.</summary>
    public void** VTable
    {
        get
        {
            fixed (MethodTable* self = &this)
                return (void**)((byte*)self + sizeof(MethodTable));
        }
    }

    /// <summary>The interfaces this type implements (after the vtable).</summary>
    public MethodTable** InterfaceMap => (MethodTable**)(VTable + _numVtableSlots);

    /// <summary>How many interfaces <see cref="InterfaceMap"/> lists.</summary>
    public int NumInterfaces => _numInterfaces;

    /// <summary>Which interface slots this type implements with which of its own slots; null when it has none.</summary>
    public DispatchMap* DispatchMap => (_flags & HasDispatchMapFlag) != 0 ? (DispatchMap*)FollowRelative(OptionalField(2)) : null;

    /// <summary>
    /// The code of a sealed virtual slot: implementations that are not in the vtable (final methods, default
    /// interface methods), listed after the vtable's slots in dispatch-map numbering.
    /// </summary>
    public void* GetSealedVirtualSlot(int index)
    {
        int* table = (int*)FollowRelative(OptionalField(SealedVirtualSlotsField));
        return FollowRelative(table + index);
    }

    /// <summary>The open generic type of an instantiation (<c>IBox&lt;&gt;</c> for <c>IBox&lt;int&gt;</c>).</summary>
    public MethodTable* GenericDefinition => (MethodTable*)FollowRelative(OptionalField(SealedVirtualSlotsField + ((_flags & HasSealedVTableEntriesFlag) != 0 ? 1 : 0)));

    /// <summary>The number of type arguments of an instantiation (stored on its definition, in the base-size field).</summary>
    public int GenericArity => (ushort)GenericDefinition->_baseSize;

    /// <summary>Type argument <paramref name="index"/> of an instantiation.</summary>
    public MethodTable* GetGenericArgument(int index)
    {
        int* composition = GenericCompositionField;
        // One argument is stored inline; several are a relative pointer to a list of relative pointers.
        int* list = GenericArity == 1 ? composition : (int*)FollowRelative(composition);
        return (MethodTable*)FollowRelative(list + index);
    }

    /// <summary>The variance of type parameter <paramref name="index"/> (<see cref="GenericVariance"/>), read from the definition.</summary>
    public GenericVariance GetGenericVariance(int index)
    {
        if (!HasGenericVariance) return GenericVariance.NonVariant;
        byte* variance = (byte*)FollowRelative(GenericDefinition->GenericCompositionField);
        return (GenericVariance)variance[index];
    }

    /// <summary>The type's hash code (ILC's; this runtime compares types by address and never reads it).</summary>
    public uint HashCode { get => _hashCode; set => _hashCode = value; }

    /// <summary>Sets the base class or element type (a MethodTable built at run time, <see cref="RuntimeTypeBuilder"/>).</summary>
    public void SetRelatedType(MethodTable* type) => _relatedType = type;

    /// <summary>
    /// Makes a copy of a value-type array's MethodTable describe an array of another value type (built at run time,
    /// <see cref="RuntimeTypeBuilder"/>): its element size, and no GC pointers to describe (see the builder for why).
    /// </summary>
    public void SetArrayComponentSize(ushort size) => _flags = (_flags & ~(uint)0xFFFF & ~HasPointersFlag) | HasComponentSizeFlag | size;

    /// <summary>Bytes of the header, vtable and interface map: where the optional fields start.</summary>
    public int FixedSize => sizeof(MethodTable) + (_numVtableSlots + _numInterfaces) * sizeof(void*);

    /// <summary>How many 32-bit relative optional fields this file reads (up to the generic composition).</summary>
    public int OptionalFieldCount => SealedVirtualSlotsField + ((_flags & HasSealedVTableEntriesFlag) != 0 ? 1 : 0) + (IsGeneric ? 2 : 0);

    /// <summary>The first optional field (a 32-bit relative pointer, as every one after it).</summary>
    public int* OptionalFields => OptionalField(0);

    // The composition follows the generic-definition field on an instantiation; a definition has no such field.
    private int* GenericCompositionField =>
        OptionalField(SealedVirtualSlotsField + ((_flags & HasSealedVTableEntriesFlag) != 0 ? 1 : 0) + (IsGeneric ? 1 : 0));

    // Type manager, writable data, dispatch map, finalizer, then the sealed virtual slots (GetFieldOffset's order).
    private int SealedVirtualSlotsField => 2 + ((_flags & HasDispatchMapFlag) != 0 ? 1 : 0) + ((_flags & HasFinalizerFlag) != 0 ? 1 : 0);

    private int* OptionalField(int index) => (int*)(InterfaceMap + _numInterfaces) + index;

    private static void* FollowRelative(int* field) => (byte*)field + *field;
}

/// <summary>How a generic parameter varies (ILC's numbering).</summary>
internal enum GenericVariance : byte
{
    /// <summary>Neither <c>in</c> nor <c>out</c>.</summary>
    NonVariant = 0,

    /// <summary><c>out T</c>.</summary>
    Covariant = 1,

    /// <summary><c>in T</c>.</summary>
    Contravariant = 2,

    /// <summary>The parameter of an array's generic interfaces.</summary>
    ArrayCovariant = 0x20,
}
