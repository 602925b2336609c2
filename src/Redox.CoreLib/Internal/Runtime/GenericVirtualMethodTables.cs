namespace Internal.Runtime;

/// <summary>
/// Where ILC put the tables generic virtual method calls are resolved with, found in the module's ReadyToRun header
/// at start-up (section ids are 300 + NativeAOT's ReflectionMapBlob number): the GVM tables, the compiled exact
/// instantiations, and for shared code the generic method and type templates, the native layout blob they point into,
/// the lists of generic and array types the image has, and where the statics of its generic types are. An image is one module (ILC compiles the whole program), so one
/// set of tables is all there is.
/// </summary>
internal static unsafe class GenericVirtualMethodTables
{
    private const int ArrayTypesSection = 302;
    private const int InvokeMapSection = 306;
    private const int CommonFixupsSection = 308;
    private const int EmbeddedMetadataSection = 313;
    private const int GvmSection = 318;
    private const int InterfaceGvmSection = 319;
    private const int TypeTemplatesSection = 321;
    private const int MethodTemplatesSection = 322;
    private const int NativeLayoutSection = 330;
    private const int NativeReferencesSection = 331;
    private const int GenericTypesSection = 332;
    private const int NativeStaticsSection = 333;
    private const int StaticsInfoSection = 334;
    private const int ExactInstantiationsSection = 336;

    private static byte* s_commonFixups;
    private static byte* s_nativeReferences;
    private static byte* s_nativeStatics;

    /// <summary>Class GVMs: (declaring type, method, implementing type, implementing method) entries.</summary>
    public static byte* Gvm;

    /// <summary>Interface GVMs: per interface method, its implementations and the types that use each.</summary>
    public static byte* InterfaceGvm;

    /// <summary>Compiled unshared instantiations of generic methods: (type, method, type arguments, code).</summary>
    public static byte* ExactInstantiations;

    /// <summary>Canonical (shared) generic methods: (method entry, template layout) offsets into <see cref="NativeLayoutInfo"/>.</summary>
    public static byte* MethodTemplates;

    /// <summary>The native layout blob: method entries, type signatures, template layouts.</summary>
    public static byte* NativeLayoutInfo;

    /// <summary>Every constructed generic type instantiation in the image (native references indices).</summary>
    public static byte* GenericTypes;

    /// <summary>Array types of the image (common fixups indices).</summary>
    public static byte* ArrayTypes;

    /// <summary>Canonical generic types: (type, template layout offset into <see cref="NativeLayoutInfo"/>), common fixups indices.</summary>
    public static byte* TypeTemplates;

    /// <summary>Exact generic types whose statics ILC allocated: (type, bag of native statics indices).</summary>
    public static byte* StaticsInfo;

    /// <summary>
    /// Methods ILC lists for reflection: (flags, method handle, owning type and code as common fixups indices, ...);
    /// the default constructors a <c>new()</c> constraint needs are among them (<see cref="DefaultConstructors"/>).
    /// </summary>
    public static byte* InvokeMap;

    /// <summary>
    /// ILC's reflection metadata (NativeFormat records): a method handle's low 25 bits are the offset of its record,
    /// whose first field is its <c>MethodAttributes</c> (<see cref="MethodEntryPoints"/> reads whether it is static).
    /// </summary>
    public static byte* Metadata;

    /// <summary>Called by start-up for every section of the module header.</summary>
    public static void Register(int section, byte* start)
    {
        switch (section)
        {
            case CommonFixupsSection: s_commonFixups = start; break;
            case GvmSection: Gvm = start; break;
            case InterfaceGvmSection: InterfaceGvm = start; break;
            case NativeReferencesSection: s_nativeReferences = start; break;
            case ExactInstantiationsSection: ExactInstantiations = start; break;
            case MethodTemplatesSection: MethodTemplates = start; break;
            case NativeLayoutSection: NativeLayoutInfo = start; break;
            case GenericTypesSection: GenericTypes = start; break;
            case ArrayTypesSection: ArrayTypes = start; break;
            case InvokeMapSection: InvokeMap = start; break;
            case EmbeddedMetadataSection: Metadata = start; break;
            case TypeTemplatesSection: TypeTemplates = start; break;
            case NativeStaticsSection: s_nativeStatics = start; break;
            case StaticsInfoSection: StaticsInfo = start; break;
        }
    }

    /// <summary>Entry <paramref name="index"/> of the references the GVM tables use (32-bit relative pointers).</summary>
    public static void* CommonFixup(uint index) => Relative(s_commonFixups + index * sizeof(int));

    /// <summary>Entry <paramref name="index"/> of the references the exact-instantiation table uses.</summary>
    public static void* NativeReference(uint index) => Relative(s_nativeReferences + index * sizeof(int));

    /// <summary>Entry <paramref name="index"/> of the references to statics (a type's GC statics slot or non-GC statics data).</summary>
    public static void* NativeStatic(uint index) => Relative(s_nativeStatics + index * sizeof(int));

    private static void* Relative(byte* at) => at + *(int*)at;
}
