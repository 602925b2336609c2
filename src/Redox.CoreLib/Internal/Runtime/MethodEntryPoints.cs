using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// The code shared code calls for a method-entry dictionary slot (ILC's <c>Method</c> fixup): a method over the
/// type parameters that ILC resolved at compile time but whose exact code it cannot name, e.g. the override a
/// constrained call reaches on a struct over a reference type (<c>item.GetHashCode()</c> with <c>T</c> =
/// <c>Stamp&lt;string&gt;</c>) or the target of a delegate to a generic method (<c>Func&lt;T, uint&gt; f =
/// GaugeOf&lt;T&gt;</c>). The slot names the method and carries its code (canonical when the method is shared). RyuJIT
/// calls through such a slot as through a GVM lookup's result: plain code is called as it is, a fat pointer (the
/// address of {code, generic context} plus 2) with the context as the hidden argument. So the slot holds:
/// <list type="bullet">
/// <item>plain code when the method is not shared (exact code), is an unboxing stub (it finds its type in the box), or
/// is an instance method of a class (shared code finds its type through <c>this</c>);</item>
/// <item>a fat pointer to the code and the method's own dictionary for a shared generic method;</item>
/// <item>a fat pointer to the code and the exact owning type for a shared method of a struct or interface, or a static
/// method of a class, without type parameters of its own (its context is its type).</item>
/// </list>
/// The slot does not say whether a method of a shared generic class is static (which takes its type as context) or an
/// instance method (which does not); ILC's reflection metadata does, in the method's record. Each fat pointer is made
/// once per method and exact instantiation, on the heap, never freed.
/// </summary>
internal static unsafe class MethodEntryPoints
{
    private const int MaxArguments = 8;
    private const uint IsUnboxingStubFlag = 0x2;
    private const nint FatPointerTag = 2;
    private const uint MetadataOffsetMask = 0x01FFFFFF;
    private const uint StaticAttribute = 0x0010;

    /// <summary>The slot's value for the method entry at <paramref name="position"/> (moved past it); the caller holds the lock.</summary>
    public static void* Resolve(ref byte* position, ref GenericContext context)
    {
        NativeMethodEntry entry = NativeMethodEntry.Read(ref position);
        if (!entry.HasFunctionPointer || entry.ArgumentCount > MaxArguments)
        {
            ExceptionHandling.PanicText("runtime", "a method-entry dictionary slot without code, or with more than 8 type arguments: see LIMITS.md, generic virtual methods");
            return null;
        }
        byte* at = entry.OwningType;
        MethodTable* owner = TypeSignatureResolver.ResolveOrBuild(ref at, ref context, out MethodTable* missing);
        MethodTable** arguments = stackalloc MethodTable*[MaxArguments];
        at = entry.Arguments;
        bool shared = owner != null && IsShared(owner);
        for (uint i = 0; i < entry.ArgumentCount && owner != null; i++)
        {
            arguments[i] = TypeSignatureResolver.ResolveOrBuild(ref at, ref context, out missing);
            if (arguments[i] == null) owner = null;
            else shared |= !arguments[i]->IsValueType || IsShared(arguments[i]);
        }
        if (owner == null) GenericDictionaryBuilder.MissingType(missing);
        void* code = GenericVirtualMethodTables.NativeReference(entry.FunctionPointer);
        if (!shared || (entry.Flags & IsUnboxingStubFlag) != 0) return code;
        int count = (int)entry.ArgumentCount;
        void* found = SharedGenericMethods.Find(SharedGenericMethods.MethodEntryKind, owner, entry.Method, arguments, count);
        if (found != null) return found;
        void* genericContext;
        if (count > 0)
        {
            genericContext = SharedGenericMethods.Dictionary(owner, entry.Method, arguments, count);
        }
        else if (owner->IsValueType || owner->IsInterface || IsStatic(entry.Method))
        {
            genericContext = owner;
        }
        else
        {
            // An instance method of a class: its shared code finds its type through `this`.
            SharedGenericMethods.Add(SharedGenericMethods.MethodEntryKind, owner, entry.Method, arguments, count, code);
            return code;
        }
        void** descriptor = (void**)SharedGenericMethods.Allocate((nuint)(2 * sizeof(void*)));
        descriptor[0] = code;
        descriptor[1] = genericContext;
        void* fat = (byte*)descriptor + FatPointerTag;
        SharedGenericMethods.Add(SharedGenericMethods.MethodEntryKind, owner, entry.Method, arguments, count, fat);
        return fat;
    }

    // The slot does not say whether a method is static, ILC's metadata record does: its handle's low 25 bits are the
    // record's offset, and the record starts with the method's attributes (MethodAttributes.Static = 0x10).
    private static bool IsStatic(uint method)
    {
        if (GenericVirtualMethodTables.Metadata == null)
        {
            ExceptionHandling.PanicText("runtime", "shared generic code takes the address of a method of a generic class over its type parameter, and the image has no metadata to tell whether it is static (LIMITS.md, generic virtual methods)");
            return false;
        }
        byte* record = GenericVirtualMethodTables.Metadata + (method & MetadataOffsetMask);
        return (NativeFormatReader.ReadUnsigned(ref record) & StaticAttribute) != 0;
    }

    // True when ILC compiles the type's methods as shared code: a generic type over a reference type, directly or
    // through a generic struct argument (Stamp<string>, Box<Pair<string>>); its canonical form differs from it.
    private static bool IsShared(MethodTable* type)
    {
        if (!type->IsGeneric) return false;
        for (int i = 0; i < type->GenericArity; i++)
        {
            MethodTable* argument = type->GetGenericArgument(i);
            if (!argument->IsValueType || IsShared(argument)) return true;
        }
        return false;
    }
}
