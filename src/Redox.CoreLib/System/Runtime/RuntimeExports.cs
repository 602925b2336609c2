using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>Object creation, boxing and unboxing entry points ILC finds by class and method name.</summary>
internal static unsafe class RuntimeExports
{
    [RuntimeExport("RhNewObject")]
    public static object RhNewObject(MethodTable* type) => Allocation.AllocateObject(type, type->BaseSize);

    [RuntimeExport("RhNewArray")]
    public static object RhNewArray(MethodTable* type, int length) => Allocation.AllocateArray(type, length);

    /// <summary>Boxes the value at <paramref name="data"/>; a <c>Nullable</c> boxes its value, or null when empty.</summary>
    [RuntimeExport("RhBox")]
    public static object? RhBox(MethodTable* type, ref byte data)
    {
        if (type->IsNullable)
        {
            // Nullable<T> is { bool hasValue; T value }: the value starts at T's alignment.
            if (data == 0) return null;
            MethodTable* inner = type->RelatedType;
            uint offset = NullableValueOffset(inner);
            return RhBox(inner, ref Unsafe.Add(ref data, (int)offset));
        }
        object box = Allocation.AllocateObject(type, type->BaseSize);
        SpanHelpers.Memmove(ref Allocation.BoxData(box), ref data, type->ValueTypeSize);
        return box;
    }

    [RuntimeExport("RhBoxAny")]
    public static object? RhBoxAny(ref byte data, MethodTable* type) =>
        type->IsValueType ? RhBox(type, ref data) : Unsafe.As<byte, object>(ref data);

    /// <summary>A reference to the value inside a box, after checking the box holds exactly that type.</summary>
    [RuntimeExport("RhUnbox2")]
    public static ref byte RhUnbox2(MethodTable* type, object obj)
    {
        if (obj is null) ThrowHelpers.ThrowNullReferenceException();
        if (obj.m_pEEType != type) ThrowHelpers.ThrowInvalidCastException();
        return ref Allocation.BoxData(obj);
    }

    /// <summary>Unboxes into a <c>Nullable</c>: null gives an empty one.</summary>
    [RuntimeExport("RhUnboxNullable")]
    public static void RhUnboxNullable(ref byte data, MethodTable* type, object? obj)
    {
        MethodTable* inner = type->RelatedType;
        uint offset = NullableValueOffset(inner);
        SpanHelpers.ClearWithoutReferences(ref data, type->ValueTypeSize);
        if (obj is null) return;
        if (obj.m_pEEType != inner) ThrowHelpers.ThrowInvalidCastException();
        data = 1;
        SpanHelpers.Memmove(ref Unsafe.Add(ref data, (int)offset), ref Allocation.BoxData(obj), inner->ValueTypeSize);
    }

    [RuntimeExport("RhUnboxAny")]
    public static void RhUnboxAny(object? obj, ref byte data, MethodTable* type)
    {
        if (type->IsNullable) RhUnboxNullable(ref data, type, obj);
        else if (type->IsValueType) SpanHelpers.Memmove(ref data, ref RhUnbox2(type, obj!), type->ValueTypeSize);
        else Unsafe.As<byte, object?>(ref data) = obj;
    }

    /// <summary>
    /// Where a Nullable's value starts: after the bool, at the value's alignment. The MethodTable does not tell us
    /// the alignment of an arbitrary struct, so only primitives and enums (alignment = size) are supported; boxing
    /// a Nullable of any other struct panics rather than reading the wrong bytes.
    /// </summary>
    private static uint NullableValueOffset(MethodTable* inner)
    {
        if (!inner->IsPrimitive) ThrowHelpers.ThrowFeatureBodyRemoved();
        return inner->ValueTypeSize;
    }
}
