namespace Internal.Runtime;

/// <summary>
/// Whether an exact type is an instance of a type in canonical form, the form ILC compiles shared code for: every
/// reference-type argument becomes <c>__Canon</c>, value types stay (<c>Pair&lt;string&gt;</c> becomes
/// <c>Pair&lt;__Canon&gt;</c>, <c>int</c> stays <c>int</c>). A template's types are always in that form, so any
/// reference type in an argument position of one is <c>__Canon</c> and no MethodTable needs to be named.
/// </summary>
internal static unsafe class CanonicalForm
{
    /// <summary>True when <paramref name="exact"/> has the canonical form <paramref name="canonical"/>.</summary>
    public static bool Matches(MethodTable* canonical, MethodTable* exact)
    {
        if (canonical == exact) return true;
        if (!canonical->IsGeneric || !exact->IsGeneric || canonical->GenericDefinition != exact->GenericDefinition) return false;
        int arity = canonical->GenericArity;
        for (int i = 0; i < arity; i++)
        {
            if (!ArgumentMatches(canonical->GetGenericArgument(i), exact->GetGenericArgument(i))) return false;
        }
        return true;
    }

    /// <summary>True when the instantiation of <paramref name="definition"/> over <paramref name="arguments"/> has the canonical form <paramref name="canonical"/>.</summary>
    public static bool MatchesInstantiation(MethodTable* canonical, MethodTable* definition, MethodTable** arguments, int count)
    {
        if (!canonical->IsGeneric || canonical->GenericDefinition != definition || canonical->GenericArity != count) return false;
        for (int i = 0; i < count; i++)
        {
            if (!ArgumentMatches(canonical->GetGenericArgument(i), arguments[i])) return false;
        }
        return true;
    }

    /// <summary>True when the type argument <paramref name="exact"/> has the canonical form <paramref name="canonical"/>.</summary>
    public static bool ArgumentMatches(MethodTable* canonical, MethodTable* exact) =>
        canonical->IsValueType ? Matches(canonical, exact) : !exact->IsValueType;
}
