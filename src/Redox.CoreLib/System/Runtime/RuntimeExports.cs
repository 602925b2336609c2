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

    /// <summary>Boxes the value at <paramref name="data"/>.</summary>
    [RuntimeExport("RhBox")]
    public static object? RhBox(MethodTable* type, ref byte data)
    {
        if (type->IsNullable) NullableUnsupported();
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

    /// <summary>Unboxing into a <c>Nullable</c>: not supported yet (see <see cref="NullableUnsupported"/>).</summary>
    [RuntimeExport("RhUnboxNullable")]
    public static void RhUnboxNullable(ref byte data, MethodTable* type, object? obj) => NullableUnsupported();

    [RuntimeExport("RhUnboxAny")]
    public static void RhUnboxAny(object? obj, ref byte data, MethodTable* type)
    {
        if (type->IsNullable) RhUnboxNullable(ref data, type, obj);
        else if (type->IsValueType) SpanHelpers.Memmove(ref data, ref RhUnbox2(type, obj!), type->ValueTypeSize);
        else Unsafe.As<byte, object?>(ref data) = obj;
    }

    /// <summary>
    /// Boxing a <c>Nullable&lt;T&gt;</c> must produce a box of <c>T</c>, whose MethodTable hides in the Nullable's
    /// generic composition, which this runtime does not decode yet: panic with a clear message instead of guessing.
    /// </summary>
    private static void NullableUnsupported() =>
        ExceptionHandling.PanicText("runtime", "boxing or unboxing a Nullable<T> is not supported on bare metal yet");
}
