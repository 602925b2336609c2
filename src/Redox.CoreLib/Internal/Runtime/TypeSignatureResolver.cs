namespace Internal.Runtime;

/// <summary>
/// Turns native layout type signatures into MethodTables, in a <see cref="GenericContext"/>. An instantiation
/// (<c>Box&lt;string&gt;</c>) or array (<c>Parcel[]</c>) is found among the types ILC compiled (its generic-types and
/// array lists); ILC 10 leaves the exact types only shared code names to a type loader, so for a dictionary
/// (<see cref="ResolveOrBuild"/>) a missing one is built (<see cref="RuntimeTypeBuilder"/>), or the resolution fails and
/// the caller panics naming the type (LIMITS.md, "Supported since 0.2.0").
/// </summary>
internal static unsafe class TypeSignatureResolver
{
    /// <summary>The most type arguments a signature resolved here may have.</summary>
    public const int MaxArguments = 8;

    /// <summary>
    /// The MethodTable of the signature at <paramref name="position"/> (moved past it); null when the image has none,
    /// with <paramref name="missing"/> the generic definition or element type that has no such instantiation.
    /// </summary>
    public static MethodTable* Resolve(ref byte* position, ref GenericContext context, out MethodTable* missing) =>
        Resolve(ref position, ref context, out missing, build: false);

    /// <summary>
    /// As <see cref="Resolve(ref byte*, ref GenericContext, out MethodTable*)"/>, but an exact instantiation or
    /// array the image lacks is built (<see cref="RuntimeTypeBuilder"/>) when it can be; the caller
    /// holds <see cref="SharedGenericMethods"/>' lock.
    /// </summary>
    public static MethodTable* ResolveOrBuild(ref byte* position, ref GenericContext context, out MethodTable* missing) =>
        Resolve(ref position, ref context, out missing, build: true);

    private static MethodTable* Resolve(ref byte* position, ref GenericContext context, out MethodTable* missing, bool build)
    {
        missing = null;
        byte* signature = NativeLayout.Locate(ref position);
        uint kind = NativeLayout.ReadTypeKind(ref signature, out uint data);
        switch (kind)
        {
            case NativeLayout.ExternalKind:
                return (MethodTable*)GenericVirtualMethodTables.NativeReference(data);
            case NativeLayout.VariableKind:
                return context.Variable(data);
            case NativeLayout.InstantiationKind:
            {
                MethodTable* definition = Resolve(ref signature, ref context, out missing, build);
                if (definition == null || data > MaxArguments) return null;
                MethodTable** arguments = stackalloc MethodTable*[MaxArguments];
                for (uint i = 0; i < data; i++)
                {
                    arguments[i] = Resolve(ref signature, ref context, out missing, build);
                    if (arguments[i] == null) return null;
                }
                MethodTable* found = FindInstantiation(definition, arguments, (int)data);
                if (found == null && build) found = RuntimeTypeBuilder.Instantiation(definition, arguments, (int)data);
                if (found == null) missing = definition;
                return found;
            }
            case NativeLayout.ModifierKind when data == NativeLayout.ArrayModifier:
            {
                MethodTable* element = Resolve(ref signature, ref context, out missing, build);
                if (element == null) return null;
                MethodTable* array = FindArray(element);
                if (array == null && build) array = RuntimeTypeBuilder.Array(element);
                if (array == null) missing = element;
                return array;
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// The generic definition and type arguments of the instantiation at <paramref name="position"/> (moved past it),
    /// without requiring the instantiation itself in the image (a static class over the type parameter has none);
    /// false when the signature is not an instantiation or names a type that is missing.
    /// </summary>
    public static bool ResolveInstantiation(ref byte* position, ref GenericContext context, out MethodTable* definition, MethodTable** arguments, out int count)
    {
        definition = null;
        count = 0;
        byte* signature = NativeLayout.Locate(ref position);
        uint kind = NativeLayout.ReadTypeKind(ref signature, out uint data);
        if (kind != NativeLayout.InstantiationKind || data > MaxArguments) return false;
        definition = Resolve(ref signature, ref context, out _, build: false);
        for (uint i = 0; i < data; i++)
        {
            arguments[i] = Resolve(ref signature, ref context, out _, build: true);
            if (arguments[i] == null) return false;
        }
        count = (int)data;
        return definition != null;
    }

    /// <summary>The image's instantiation of <paramref name="definition"/> over <paramref name="arguments"/>; null when it has none.</summary>
    public static MethodTable* Find(MethodTable* definition, MethodTable** arguments, int count) => FindInstantiation(definition, arguments, count);

    /// <summary>
    /// True when the signature at <paramref name="position"/> (moved past it) names exactly <paramref name="type"/>,
    /// compared part by part, so no instantiation has to exist in the image (used for the interface a generic type
    /// implements: <c>IConverter&lt;!0&gt;</c> of <c>AnyConverter&lt;string&gt;</c>).
    /// </summary>
    public static bool Matches(ref byte* position, ref GenericContext context, MethodTable* type)
    {
        byte* signature = NativeLayout.Locate(ref position);
        uint kind = NativeLayout.ReadTypeKind(ref signature, out uint data);
        switch (kind)
        {
            case NativeLayout.ExternalKind:
                return (MethodTable*)GenericVirtualMethodTables.NativeReference(data) == type;
            case NativeLayout.VariableKind:
                return context.Variable(data) == type;
            case NativeLayout.InstantiationKind:
            {
                if (!type->IsGeneric || type->GenericArity != (int)data) return false;
                if (!Matches(ref signature, ref context, type->GenericDefinition)) return false;
                for (int i = 0; i < (int)data; i++)
                {
                    if (!Matches(ref signature, ref context, type->GetGenericArgument(i))) return false;
                }
                return true;
            }
            case NativeLayout.ModifierKind when data == NativeLayout.ArrayModifier:
                return type->IsSzArray && Matches(ref signature, ref context, type->RelatedType);
            default:
                return false;
        }
    }

    // Every constructed instantiation is listed (ILC's generics hashtable); a linear walk, once per dictionary slot.
    private static MethodTable* FindInstantiation(MethodTable* definition, MethodTable** arguments, int count)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.GenericTypes);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* candidate = (MethodTable*)GenericVirtualMethodTables.NativeReference(NativeFormatReader.ReadUnsigned(ref entry));
            if (!candidate->IsGeneric || candidate->GenericDefinition != definition || candidate->GenericArity != count) continue;
            bool same = true;
            for (int i = 0; i < count && same; i++) same = candidate->GetGenericArgument(i) == arguments[i];
            if (same) return candidate;
        }
        return null;
    }

    private static MethodTable* FindArray(MethodTable* element)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.ArrayTypes);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* candidate = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            if (candidate->IsSzArray && candidate->RelatedType == element) return candidate;
        }
        return null;
    }
}
