namespace Internal.Runtime;

/// <summary>
/// What a type signature's generic parameters stand for: <c>!n</c> is type argument n of <see cref="Type"/> (the
/// exact type that owns the method, e.g. <c>Catalog&lt;string&gt;</c>), or entry n of <see cref="TypeArguments"/> for
/// a type the image has no MethodTable for; <c>!!n</c> is entry n of <see cref="MethodArguments"/>.
/// </summary>
internal unsafe struct GenericContext
{
    /// <summary>The exact owning type (or null when the signatures name no type parameter).</summary>
    public MethodTable* Type;

    /// <summary>The method's type arguments.</summary>
    public MethodTable** MethodArguments;

    /// <summary>How many <see cref="MethodArguments"/> there are.</summary>
    public int MethodArgumentCount;

    /// <summary>The owning type's arguments when there is no MethodTable to read them from (<see cref="Type"/> null).</summary>
    public MethodTable** TypeArguments;

    /// <summary>How many <see cref="TypeArguments"/> there are.</summary>
    public int TypeArgumentCount;

    /// <summary>The type a generic parameter stands for; null when the context has no such parameter.</summary>
    public MethodTable* Variable(uint data)
    {
        int index = (int)(data >> 1);
        if ((data & 1) != 0) return index < MethodArgumentCount ? MethodArguments[index] : null;
        if (TypeArguments != null) return index < TypeArgumentCount ? TypeArguments[index] : null;
        return Type != null && Type->IsGeneric && index < Type->GenericArity ? Type->GetGenericArgument(index) : null;
    }
}
