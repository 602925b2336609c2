using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>
/// Casting helpers ILC calls for <c>is</c>, <c>as</c>, casts and array stores (found by class and method name).
/// They walk the MethodTable: base-class chain, interface map, and array element types.
/// </summary>
internal static unsafe class TypeCast
{
    [RuntimeExport("RhTypeCast_IsInstanceOfClass")]
    public static object? IsInstanceOfClass(MethodTable* targetType, object? obj) =>
        obj is null || IsClassOrBase(obj.m_pEEType, targetType) ? obj : null;

    [RuntimeExport("RhTypeCast_IsInstanceOfInterface")]
    public static object? IsInstanceOfInterface(MethodTable* targetType, object? obj) =>
        obj is null || ImplementsInterface(obj.m_pEEType, targetType) ? obj : null;

    [RuntimeExport("RhTypeCast_IsInstanceOfAny")]
    public static object? IsInstanceOfAny(MethodTable* targetType, object? obj) =>
        obj is null || AreTypesAssignable(obj.m_pEEType, targetType) ? obj : null;

    [RuntimeExport("RhTypeCast_IsInstanceOfException")]
    public static bool IsInstanceOfException(MethodTable* targetType, object? obj) =>
        obj is not null && AreTypesAssignable(obj.m_pEEType, targetType);

    [RuntimeExport("RhTypeCast_CheckCastClass")]
    public static object? CheckCastClass(MethodTable* targetType, object? obj)
    {
        if (obj is null || IsClassOrBase(obj.m_pEEType, targetType)) return obj;
        ThrowHelpers.ThrowInvalidCastException();
        return null;
    }

    [RuntimeExport("RhTypeCast_CheckCastClassSpecial")]
    public static object? CheckCastClassSpecial(MethodTable* targetType, object? obj) => CheckCastClass(targetType, obj);

    [RuntimeExport("RhTypeCast_CheckCastInterface")]
    public static object? CheckCastInterface(MethodTable* targetType, object? obj)
    {
        if (obj is null || ImplementsInterface(obj.m_pEEType, targetType)) return obj;
        ThrowHelpers.ThrowInvalidCastException();
        return null;
    }

    [RuntimeExport("RhTypeCast_CheckCastAny")]
    public static object? CheckCastAny(MethodTable* targetType, object? obj)
    {
        if (obj is null || AreTypesAssignable(obj.m_pEEType, targetType)) return obj;
        ThrowHelpers.ThrowInvalidCastException();
        return null;
    }

    /// <summary><c>array[index] = obj</c> for arrays of references, with the covariance check .NET requires.</summary>
    [RuntimeExport("RhpStelemRef")]
    public static void StelemRef(object?[] array, nint index, object? obj)
    {
        if ((nuint)index >= (nuint)(uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
        if (obj is not null && !AreTypesAssignable(obj.m_pEEType, array.m_pEEType->RelatedType))
            ThrowHelpers.ThrowArrayTypeMismatchException();
        Unsafe.Add(ref Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), index) = obj;
    }

    /// <summary><c>ref array[index]</c> for arrays of references: the array must hold exactly <paramref name="elementType"/>.</summary>
    [RuntimeExport("RhpLdelemaRef")]
    public static ref object? LdelemaRef(object?[] array, nint index, MethodTable* elementType)
    {
        if ((nuint)index >= (nuint)(uint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
        if (array.m_pEEType->RelatedType != elementType) ThrowHelpers.ThrowArrayTypeMismatchException();
        return ref Unsafe.Add(ref Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array), index);
    }

    private static bool IsClassOrBase(MethodTable* type, MethodTable* target)
    {
        for (MethodTable* t = type; t != null; t = t->BaseType)
        {
            if (t == target) return true;
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="type"/> lists <paramref name="target"/> in its interface map, or an instantiation
    /// of the same generic interface that variance makes assignable (<c>IProducer&lt;string&gt;</c> to
    /// <c>IProducer&lt;object&gt;</c> for <c>out T</c>).
    /// </summary>
    internal static bool ImplementsInterface(MethodTable* type, MethodTable* target)
    {
        MethodTable** map = type->InterfaceMap;
        for (int i = 0; i < type->NumInterfaces; i++)
        {
            if (map[i] == target) return true;
        }
        if (!target->HasGenericVariance) return false;
        for (int i = 0; i < type->NumInterfaces; i++)
        {
            if (IsVariantInstantiationOf(map[i], target)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="source"/> and <paramref name="target"/> instantiate the same generic type and each
    /// type argument is equal, or assignable in the direction its parameter's variance allows (ECMA-335 II.9.5:
    /// variance applies to reference-type arguments only).
    /// </summary>
    internal static bool IsVariantInstantiationOf(MethodTable* source, MethodTable* target)
    {
        if (!source->IsGeneric || !target->IsGeneric || source->GenericDefinition != target->GenericDefinition) return false;
        int arity = target->GenericArity;
        for (int i = 0; i < arity; i++)
        {
            MethodTable* from = source->GetGenericArgument(i);
            MethodTable* to = target->GetGenericArgument(i);
            if (from == to) continue;
            if (from->IsValueType || to->IsValueType) return false;
            GenericVariance variance = target->GetGenericVariance(i);
            if (variance == GenericVariance.Covariant || variance == GenericVariance.ArrayCovariant)
            {
                if (!AreTypesAssignable(from, to)) return false;
            }
            else if (variance == GenericVariance.Contravariant)
            {
                if (!AreTypesAssignable(to, from)) return false;
            }
            else return false;
        }
        return true;
    }

    /// <summary>Exact type, base class, interface, or an array whose element types are assignable (covariance).</summary>
    internal static bool AreTypesAssignable(MethodTable* source, MethodTable* target)
    {
        if (source == target) return true;
        if (target->IsInterface) return ImplementsInterface(source, target);
        if (source->IsArray && target->IsArray)
        {
            MethodTable* sourceElement = source->RelatedType;
            MethodTable* targetElement = target->RelatedType;
            return sourceElement == targetElement ||
                (!sourceElement->IsValueType && !targetElement->IsValueType && AreTypesAssignable(sourceElement, targetElement));
        }
        if (IsClassOrBase(source, target)) return true;
        // Variant generic delegates (Func<string> to Func<object>).
        return target->HasGenericVariance && IsVariantInstantiationOf(source, target);
    }
}
