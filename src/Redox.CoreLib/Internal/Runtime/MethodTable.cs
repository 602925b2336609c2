using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// The type descriptor ILC emits for every type (NativeAOT's MethodTable). The layout is a contract with the
/// compiler: flags, base size, related type, vtable slot and interface counts, hash, then the vtable and the
/// interface map.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MethodTable
{
    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint KindMask = 0x00030000;
    private const uint ParameterizedKind = 0x00020000;
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

    /// <summary>True for structs, enums and primitives (element types Void..Nullable in ILC's numbering).</summary>
    public bool IsValueType => ElementType >= 0x01 && ElementType <= 0x13;

    /// <summary>True for <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsNullable => ElementType == ElementTypeNullable;

    /// <summary>The size of a value type's data inside its box.</summary>
    public uint ValueTypeSize => _baseSize - (uint)(sizeof(nint) * 2);

    private uint ElementType => (_flags & ElementTypeMask) >> ElementTypeShift;

    /// <summary>The interfaces this type implements (after the vtable).</summary>
    public MethodTable** InterfaceMap
    {
        get
        {
            fixed (MethodTable* self = &this)
                return (MethodTable**)((byte*)self + sizeof(MethodTable) + sizeof(nint) * _numVtableSlots);
        }
    }

    /// <summary>How many interfaces <see cref="InterfaceMap"/> lists.</summary>
    public int NumInterfaces => _numInterfaces;
}
