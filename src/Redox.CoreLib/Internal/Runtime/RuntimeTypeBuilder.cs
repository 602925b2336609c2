using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// MethodTables for the exact types shared code names that ILC 10 left to a type loader (<c>new Crate&lt;T&gt;()</c>
/// or <c>new T[n]</c> over a type no exact code constructs), built once per type from what the image has:
/// <list type="bullet">
/// <item>a generic instantiation from the canonical type of its template (<c>__GenericTypesTemplateMap</c>): the same
/// header (flags, base size), vtable (the canonical code, which shared instance methods run), interface map and
/// optional fields, with the exact type arguments as its composition and, in the type's dictionary slot (the first the
/// type adds to its base's vtable), its own dictionary filled from the template's layout;</item>
/// <item>an array of a reference type from <c>object[]</c>'s, with the element type in place of <c>object</c> (every
/// reference-type array has the same layout and code here).</item>
/// </list>
/// The optional fields are 32-bit offsets from their own address, so the MethodTables live in a fixed pool inside the
/// image's statics (within reach of the code and types they point to), never freed; a full pool panics. This runtime
/// compares types by address, and a built type is listed before anything else can name it, so each exact type has one
/// MethodTable: the image's when it has one (always looked up first), else the one built here. Not built (the caller
/// panics, naming the type): a type whose canonical form has a generic base class or interface over the type
/// parameter (its exact base or interfaces would have to be built too), and arrays of value types.
/// </summary>
internal static unsafe class RuntimeTypeBuilder
{
    private const int PoolSize = 16384;

    private struct Pool
    {
        public fixed byte Bytes[PoolSize];
    }

    private static Pool s_pool;
    private static int s_used;

    /// <summary>
    /// The instantiation of <paramref name="definition"/> over <paramref name="arguments"/>, built or found among those
    /// built; null when it cannot be built. The caller holds <see cref="SharedGenericMethods"/>' lock.
    /// </summary>
    public static MethodTable* Instantiation(MethodTable* definition, MethodTable** arguments, int count)
    {
        void* found = SharedGenericMethods.Find(SharedGenericMethods.RuntimeTypeKind, definition, 0, arguments, count);
        if (found != null) return (MethodTable*)found;
        byte* template = GenericStatics.FindTemplate(definition, arguments, count, out MethodTable* canonical);
        if (template == null || NamesCanon(canonical->BaseType, canonical)) return null;
        for (int i = 0; i < canonical->NumInterfaces; i++)
        {
            if (NamesCanon(canonical->InterfaceMap[i], canonical)) return null;
        }

        int fixedSize = canonical->FixedSize;
        int fields = canonical->OptionalFieldCount;
        MethodTable* type = (MethodTable*)Take(fixedSize + fields * sizeof(int) + (count > 1 ? count * sizeof(int) : 0));
        Copy((byte*)canonical, (byte*)type, fixedSize);
        for (int i = 0; i < fields; i++) Retarget(canonical->OptionalFields + i, type->OptionalFields + i);
        // The composition (the last field): one argument inline, several through a list.
        int* composition = type->OptionalFields + fields - 1;
        if (count == 1)
        {
            Point(composition, arguments[0]);
        }
        else
        {
            int* list = composition + 1;
            Point(composition, list);
            for (int i = 0; i < count; i++) Point(list + i, arguments[i]);
        }
        type->HashCode = Hash(definition, arguments, count);
        SharedGenericMethods.Add(SharedGenericMethods.RuntimeTypeKind, definition, 0, arguments, count, type);
        FillDictionary(type, canonical, template, arguments, count);
        return type;
    }

    /// <summary>The array of <paramref name="element"/>, built or found; null for a value-type element. The caller holds the lock.</summary>
    public static MethodTable* Array(MethodTable* element)
    {
        if (element->IsValueType) return null;
        void* found = SharedGenericMethods.Find(SharedGenericMethods.RuntimeArrayKind, element, 0, null, 0);
        if (found != null) return (MethodTable*)found;
        MethodTable* objects = MethodTable.Of<object[]>();
        int fixedSize = objects->FixedSize;
        int fields = objects->OptionalFieldCount;
        MethodTable* type = (MethodTable*)Take(fixedSize + fields * sizeof(int));
        Copy((byte*)objects, (byte*)type, fixedSize);
        for (int i = 0; i < fields; i++) Retarget(objects->OptionalFields + i, type->OptionalFields + i);
        type->SetRelatedType(element);
        type->HashCode = (element->HashCode << 5 | element->HashCode >> 27) ^ objects->HashCode;
        SharedGenericMethods.Add(SharedGenericMethods.RuntimeArrayKind, element, 0, null, 0, type);
        return type;
    }

    /// <summary>
    /// A type's own dictionary in its dictionary slot, from its template's layout over <paramref name="arguments"/>
    /// (also used for the generic context of a static constructor, <see cref="GenericClassConstructors"/>).
    /// </summary>
    public static void FillDictionary(MethodTable* type, MethodTable* canonical, byte* template, MethodTable** arguments, int count)
    {
        byte* layout = NativeLayout.FindBagElement(template, NativeLayout.DictionaryLayoutBagElement);
        if (layout == null) return;
        int dictionarySlot = canonical->BaseType == null ? 0 : canonical->BaseType->NumVtableSlots;
        if (dictionarySlot >= canonical->NumVtableSlots)
            ExceptionHandling.PanicText("runtime", "a generic type's template has a dictionary, but its canonical MethodTable no dictionary slot: see LIMITS.md, generic virtual methods");
        uint slotCount = NativeFormatReader.ReadUnsigned(ref layout);
        void** dictionary = (void**)SharedGenericMethods.Allocate((nuint)((slotCount == 0 ? 1 : slotCount) * sizeof(void*)));
        type->VTable[dictionarySlot] = dictionary;
        GenericContext context = new GenericContext { TypeArguments = arguments, TypeArgumentCount = count };
        GenericDictionaryBuilder.Fill(dictionary, layout, slotCount, ref context);
    }

    // True when a canonical type's base or interface is itself canonical over the type parameter (names __Canon, one
    // of the canonical type's own reference-type arguments), so the exact type would need an exact one too.
    private static bool NamesCanon(MethodTable* type, MethodTable* canonical)
    {
        if (type == null || !type->IsGeneric) return false;
        for (int i = 0; i < type->GenericArity; i++)
        {
            MethodTable* argument = type->GetGenericArgument(i);
            if (IsCanon(argument, canonical) || NamesCanon(argument, canonical)) return true;
        }
        return false;
    }

    private static bool IsCanon(MethodTable* type, MethodTable* canonical)
    {
        for (int i = 0; i < canonical->GenericArity; i++)
        {
            MethodTable* argument = canonical->GetGenericArgument(i);
            if (!argument->IsValueType && argument == type) return true;
        }
        return false;
    }

    // Not ILC's hash (nothing here reads it): the definition's, mixed with each argument's.
    private static uint Hash(MethodTable* definition, MethodTable** arguments, int count)
    {
        uint hash = definition->HashCode;
        for (int i = 0; i < count; i++) hash = (hash << 5 | hash >> 27) ^ arguments[i]->HashCode;
        return hash;
    }

    // The copy's field points where the original's does.
    private static void Retarget(int* from, int* to) => Point(to, (byte*)from + *from);

    private static void Point(int* field, void* target)
    {
        long offset = (byte*)target - (byte*)field;
        if (offset != (int)offset) ExceptionHandling.PanicText("runtime", "a MethodTable built at run time cannot reach its target with a 32-bit offset");
        *field = (int)offset;
    }

    private static void Copy(byte* from, byte* to, int size)
    {
        for (int i = 0; i < size; i++) to[i] = from[i];
    }

    private static byte* Take(int size)
    {
        int start = (s_used + 7) & ~7;
        if (start + size > PoolSize)
        {
            ExceptionHandling.PanicText("runtime", "out of room for MethodTables built at run time (RuntimeTypeBuilder.PoolSize): see LIMITS.md, generic virtual methods");
            return null;
        }
        s_used = start + size;
        fixed (byte* pool = s_pool.Bytes)
            return pool + start;
    }
}
