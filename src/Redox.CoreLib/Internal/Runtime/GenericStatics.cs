using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// The statics of a generic type over shared code's type parameter (<c>Tally&lt;T&gt;.Count</c> in
/// <c>Weigh&lt;__Canon&gt;</c>), for a dictionary slot: for the GC statics the address of the slot that holds the
/// statics object (shared code loads the object from it, fields follow its MethodTable pointer), for the non-GC
/// statics the address of their data. When exact code of the program uses the same instantiation, ILC allocated its
/// statics and lists them (<c>StaticsInfoHashtable</c>): shared and exact code must share them, so they are used.
/// Otherwise they are allocated here once per instantiation, zeroed, sized from the canonical type's template
/// (<c>__GenericTypesTemplateMap</c>), and never freed. A type with a static constructor gets its constructor context
/// before the non-GC statics, armed by <see cref="GenericClassConstructors"/>, so the constructor runs once, before
/// shared code's first access, as ILC's own code runs it.
/// </summary>
internal static unsafe class GenericStatics
{
    // A statics object's first word is its MethodTable pointer (none here: there is no GC to read it).
    private const int ObjectHeader = 8;

    /// <summary>The statics base the slot holds; the caller holds <see cref="SharedGenericMethods"/>' lock.</summary>
    public static void* Base(MethodTable* definition, MethodTable** arguments, int count, bool gc)
    {
        MethodTable* exact = TypeSignatureResolver.Find(definition, arguments, count);
        if (exact != null && TryFindCompiled(exact, gc, out void* compiled)) return compiled;
        return SharedGenericMethods.AllocatedStatics(definition, arguments, count, gc);
    }

    /// <summary>
    /// Allocates the statics of an instantiation that has none in the image (called once per instantiation and kind).
    /// A type with a static constructor gets its constructor context before the non-GC statics, left unarmed until
    /// <see cref="AttachConstructor"/>.
    /// </summary>
    public static void* Allocate(MethodTable* definition, MethodTable** arguments, int count, bool gc)
    {
        byte* template = FindTemplate(definition, arguments, count, out _);
        if (template == null)
        {
            ExceptionHandling.PanicText("runtime", "shared generic code uses the statics of a generic type over its type parameter that ILC wrote no template for: see LIMITS.md, generic virtual methods");
            return null;
        }
        NativeLayout.TryGetBagUnsigned(template, gc ? NativeLayout.GcStaticDataSizeBagElement : NativeLayout.NonGcStaticDataSizeBagElement, out uint size);
        if (!gc)
        {
            int context = HasConstructor(template) ? GenericClassConstructors.ContextSize : 0;
            return (byte*)SharedGenericMethods.Allocate((nuint)context + (size == 0 ? 1 : size)) + context;
        }
        void** slot = (void**)SharedGenericMethods.Allocate((nuint)sizeof(void*));
        *slot = SharedGenericMethods.Allocate(ObjectHeader + size);
        return slot;
    }

    /// <summary>
    /// Arms the static constructor of an instantiation whose non-GC statics <see cref="Allocate"/> made, once they are
    /// listed (the constructor's dictionary names them); nothing for a type without one.
    /// </summary>
    public static void AttachConstructor(MethodTable* definition, MethodTable** arguments, int count, void* nonGcStatics)
    {
        byte* template = FindTemplate(definition, arguments, count, out MethodTable* canonical);
        if (HasConstructor(template)) GenericClassConstructors.Attach(canonical, template, arguments, count, (byte*)nonGcStatics);
    }

    private static bool HasConstructor(byte* template) => NativeLayout.TryGetBagUnsigned(template, NativeLayout.ClassConstructorBagElement, out _);

    private static bool TryFindCompiled(MethodTable* exact, bool gc, out void* statics)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.StaticsInfo);
        while (table.TryNext(out byte* entry))
        {
            if ((MethodTable*)GenericVirtualMethodTables.NativeReference(NativeFormatReader.ReadUnsigned(ref entry)) != exact) continue;
            if (NativeLayout.TryGetBagUnsigned(entry, gc ? NativeLayout.GcStaticDataBagElement : NativeLayout.NonGcStaticDataBagElement, out uint index))
            {
                statics = GenericVirtualMethodTables.NativeStatic(index);
                return true;
            }
        }
        statics = null;
        return false;
    }

    /// <summary>The template of the instantiation's canonical type (its layout bag) and that type; null when ILC wrote none.</summary>
    internal static byte* FindTemplate(MethodTable* definition, MethodTable** arguments, int count, out MethodTable* canonical)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.TypeTemplates);
        while (table.TryNext(out byte* entry))
        {
            canonical = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            uint layout = NativeFormatReader.ReadUnsigned(ref entry);
            if (CanonicalForm.MatchesInstantiation(canonical, definition, arguments, count)) return GenericVirtualMethodTables.NativeLayoutInfo + layout;
        }
        canonical = null;
        return null;
    }
}
