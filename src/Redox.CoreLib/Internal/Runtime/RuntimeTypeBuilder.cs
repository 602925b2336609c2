using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// MethodTables for the exact types shared code names that ILC 10 left to a type loader (<c>new Crate&lt;T&gt;()</c>
/// or <c>new T[n]</c> over a type no exact code constructs), built once per type from what the image has:
/// <list type="bullet">
/// <item>a generic instantiation from the canonical type of its template (<c>__GenericTypesTemplateMap</c>): the same
/// header (flags, base size), vtable (the canonical code, which shared instance methods run), interface map and
/// optional fields, with the exact type arguments as its composition and, in the type's dictionary slot (the first the
/// type adds to its base's vtable), its own dictionary filled from the template's layout. When the base class or an
/// interface is generic over the type parameters (<c>class Crate&lt;T&gt; : Bin&lt;T&gt;, IHolding&lt;T&gt;</c>), the
/// template names it by signature (<c>Bin&lt;!0&gt;</c>); the exact one is looked up in the image, else built the same
/// way (recursively), and takes the canonical one's place: the base as the related type, with each generic
/// ancestor's dictionary slot copied from the exact ancestor (its shared code reads its dictionary there), each
/// interface in the interface map, where ILC left a null (casts and interface dispatch compare interfaces by address);</item>
/// <item>an array of a reference type from <c>object[]</c>'s, with the element type in place of <c>object</c> (every
/// reference-type array has the same layout and code here); an array of a value type from <c>byte[]</c>'s, with the
/// element type and its size as the component size.</item>
/// </list>
/// The optional fields are 32-bit offsets from their own address, so the MethodTables live in a fixed pool inside the
/// image's statics (within reach of the code and types they point to), never freed; a full pool panics. This runtime
/// compares types by address, and a built type is listed before anything else can name it (before its base and
/// interfaces are resolved too, which may name it: <c>Node&lt;T&gt; : IEquatable&lt;Node&lt;T&gt;&gt;</c>), so each exact
/// type has one MethodTable: the image's when it has one (always looked up first), else the one built here. Not built
/// (the caller panics, naming the type): an instantiation whose canonical form ILC wrote no template for.
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
        if (template == null) return null;

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
        GenericContext context = new GenericContext { TypeArguments = arguments, TypeArgumentCount = count };
        if (!LinkBase(type, canonical, template, ref context) || !LinkInterfaces(type, canonical, template, ref context)) return null;
        FillDictionary(type, canonical, template, arguments, count);
        return type;
    }

    /// <summary>The array of <paramref name="element"/>, built or found. The caller holds the lock.</summary>
    public static MethodTable* Array(MethodTable* element)
    {
        void* found = SharedGenericMethods.Find(SharedGenericMethods.RuntimeArrayKind, element, 0, null, 0);
        if (found != null) return (MethodTable*)found;
        // Every array of a reference type has object[]'s layout and code; every array of a value type byte[]'s,
        // but for its component size (the struct's size). byte[] has no GC pointers, and neither has the copy even
        // when the struct holds references: there is no collector to read a GC descriptor (which would sit before the
        // MethodTable, outside this pool), and nothing else here reads the flag (copies and clears of any array are
        // plain). A collector would have to build the descriptor here, from the struct's own.
        bool values = element->IsValueType;
        if (values && element->ValueTypeSize > ushort.MaxValue) return null;
        MethodTable* template = values ? MethodTable.Of<byte[]>() : MethodTable.Of<object[]>();
        int fixedSize = template->FixedSize;
        int fields = template->OptionalFieldCount;
        MethodTable* type = (MethodTable*)Take(fixedSize + fields * sizeof(int));
        Copy((byte*)template, (byte*)type, fixedSize);
        for (int i = 0; i < fields; i++) Retarget(template->OptionalFields + i, type->OptionalFields + i);
        type->SetRelatedType(element);
        if (values) type->SetArrayComponentSize((ushort)element->ValueTypeSize);
        type->HashCode = (element->HashCode << 5 | element->HashCode >> 27) ^ template->HashCode;
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

    // The exact base class the template names (Bin<!0>: its base is generic over the type parameters), found or built,
    // in place of the canonical one; every generic ancestor of it that has a dictionary slot (one whose canonical form
    // differs from it) gets it copied, as that ancestor's shared code reads its dictionary from this type's vtable.
    // Code slots stay the canonical type's: an ancestor over reference types runs the same shared code.
    private static bool LinkBase(MethodTable* type, MethodTable* canonical, byte* template, ref GenericContext context)
    {
        byte* signature = NativeLayout.FindBagElement(template, NativeLayout.BaseTypeBagElement);
        if (signature == null) return true;
        MethodTable* exact = TypeSignatureResolver.ResolveOrBuild(ref signature, ref context, out _);
        if (exact == null) return false;
        type->SetRelatedType(exact);
        MethodTable* canonicalAncestor = canonical->BaseType;
        for (MethodTable* ancestor = exact; ancestor != null && canonicalAncestor != null; ancestor = ancestor->BaseType)
        {
            if (ancestor != canonicalAncestor && ancestor->IsGeneric)
            {
                int slot = ancestor->BaseType == null ? 0 : ancestor->BaseType->NumVtableSlots;
                if (slot < ancestor->NumVtableSlots) type->VTable[slot] = ancestor->VTable[slot];
            }
            canonicalAncestor = canonicalAncestor->BaseType;
        }
        return true;
    }

    // The exact interfaces the template names (IHolding<!0>), found or built. ILC writes a canonical type's interface
    // map with a null for each interface over the type parameters (it cannot name IHolding<__Canon> as one), and lists
    // the template's interfaces in the map's order, so entry i becomes the exact interface i; an entry ILC did fill
    // must be that interface's canonical form, else the list is not read right and the type is not built.
    private static bool LinkInterfaces(MethodTable* type, MethodTable* canonical, byte* template, ref GenericContext context)
    {
        byte* position = NativeLayout.FindBagElement(template, NativeLayout.ImplementedInterfacesBagElement);
        if (position == null) return true;
        uint count = NativeFormatReader.ReadUnsigned(ref position);
        if (count != (uint)canonical->NumInterfaces) return false;
        for (int i = 0; i < (int)count; i++)
        {
            MethodTable* exact = TypeSignatureResolver.ResolveOrBuild(ref position, ref context, out _);
            MethodTable* listed = canonical->InterfaceMap[i];
            if (exact == null || (listed != null && !CanonicalForm.Matches(listed, exact))) return false;
            type->InterfaceMap[i] = exact;
        }
        return true;
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
