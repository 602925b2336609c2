using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// Shared generic code at run time. ILC compiles <c>Weigh&lt;string&gt;</c> of a generic virtual method once, as
/// <c>Weigh&lt;__Canon&gt;</c>, which takes a generic dictionary: the exact types and methods it needs, one slot
/// each. ILC 10 writes only a template for it (<c>__GenericMethodsTemplateMap</c>: the canonical method, its code
/// and its dictionary layout in the native layout blob); this class finds the template for an exact instantiation,
/// builds the dictionary slot by slot (<see cref="GenericDictionaryBuilder"/>) and hands out a fat function pointer,
/// the form ILC's call sites expect from the GVM lookup: the address of {code, dictionary} plus 2, which the call site
/// recognises by bit 1, loads the code from and passes the dictionary to as the hidden argument after <c>this</c>.
/// <para>
/// There is no garbage collector: each instantiation's dictionary, fat pointer and method handle is allocated once,
/// on first use, and never freed (bounded by the instantiations the program calls). They are kept in a list, so a
/// second lookup (another receiver type, or the GVM cache having evicted the entry) finds the same ones. Building
/// holds a spin lock: it is the slow path, and a dictionary is listed before its slots are filled so that a method
/// whose dictionary names itself finds it.
/// </para>
/// </summary>
internal static unsafe class SharedGenericMethods
{
    private const int FatPointerKind = 0;
    private const int DictionaryKind = 1;
    private const int MethodHandleKind = 2;
    private const int DispatchCellKind = 3;
    private const int GcStaticsKind = 4;
    private const int NonGcStaticsKind = 5;

    /// <summary>Key kind of a MethodTable built at run time: a generic instantiation, or an array (owner: its element).</summary>
    internal const int RuntimeTypeKind = 6;
    internal const int RuntimeArrayKind = 7;

    /// <summary>Key kind of a fat pointer made for a method-entry dictionary slot (<see cref="MethodEntryPoints"/>).</summary>
    internal const int MethodEntryKind = 8;

    /// <summary>Key kind of a static constrained method slot's value (<see cref="StaticConstrainedMethods"/>): owner the constraint type, method the slot, argument the interface.</summary>
    internal const int StaticConstrainedKind = 9;

    // An interface dispatch cell's tag for "the second word is the interface's address" (InterfaceDispatchCell).
    private const nuint InterfacePointerTag = 1;

    // The bit ILC's call sites test for a fat pointer, and the offset it stands for.
    private const nint FatPointerOffset = 2;

    // Method dictionaries start with a pointer-sized header (ILC writes the method's hash code there); shared code
    // reads slots from the address after it.
    private const int DictionaryHeader = 8;

    private static Built* s_built;
    private static int s_lock;

    // One built thing: its key (kind, exact owner, method handle, type arguments) and the result.
    private struct Built
    {
        public Built* Next;
        public int Kind;
        public int ArgumentCount;
        public MethodTable* Owner;
        public uint Method;
        public void* Result;
        // MethodTable* Arguments[ArgumentCount] follow.

        public MethodTable** Arguments
        {
            get
            {
                fixed (Built* self = &this)
                    return (MethodTable**)(self + 1);
            }
        }
    }

    /// <summary>
    /// The fat pointer to <paramref name="owner"/>'s method <paramref name="method"/> over
    /// <paramref name="arguments"/>, whose code is shared; null when the image has no template for it.
    /// </summary>
    public static void* FatPointer(MethodTable* owner, uint method, MethodTable** arguments, int count)
    {
        Lock();
        void* result = FatPointerLocked(owner, method, arguments, count);
        Unlock();
        return result;
    }

    /// <summary>As <see cref="FatPointer"/>, for a caller that holds the lock (a dictionary slot being filled).</summary>
    internal static void* FatPointerLocked(MethodTable* owner, uint method, MethodTable** arguments, int count)
    {
        void* result = Find(FatPointerKind, owner, method, arguments, count);
        if (result == null)
        {
            byte* layout = FindTemplate(owner, method, arguments, count, out void* code);
            if (code != null)
            {
                void** descriptor = (void**)Allocate((nuint)(2 * sizeof(void*)));
                descriptor[0] = code;
                descriptor[1] = DictionaryOf(owner, method, arguments, count, layout);
                result = (byte*)descriptor + FatPointerOffset;
                Add(FatPointerKind, owner, method, arguments, count, result);
            }
        }
        return result;
    }

    /// <summary>The dictionary of a shared generic method named by a dictionary slot (the caller holds the lock).</summary>
    internal static void* Dictionary(MethodTable* owner, uint method, MethodTable** arguments, int count)
    {
        void* dictionary = Find(DictionaryKind, owner, method, arguments, count);
        if (dictionary != null) return dictionary;
        byte* layout = FindTemplate(owner, method, arguments, count, out void* code);
        if (layout == null)
            ExceptionHandling.PanicText("runtime", "shared generic code calls a generic method whose template ILC did not emit");
        return DictionaryOf(owner, method, arguments, count, layout);
    }

    /// <summary>A method handle built at run time for a dictionary slot (a GVM called from shared code); the caller holds the lock.</summary>
    internal static GenericMethodHandle* MethodHandle(MethodTable* owner, uint method, MethodTable** arguments, int count)
    {
        void* found = Find(MethodHandleKind, owner, method, arguments, count);
        if (found != null) return (GenericMethodHandle*)found;
        GenericMethodHandle* handle = (GenericMethodHandle*)Allocate((nuint)(sizeof(GenericMethodHandle) + count * sizeof(void*)));
        handle->DeclaringType = owner;
        handle->Method = method;
        handle->ArgumentCount = count;
        for (int i = 0; i < count; i++) ((MethodTable**)(handle + 1))[i] = arguments[i];
        Add(MethodHandleKind, owner, method, arguments, count, handle);
        return handle;
    }

    /// <summary>
    /// An interface dispatch cell for a dictionary slot (shared code calling <c>IProbe&lt;T&gt;.Get</c>): a cell as
    /// ILC emits them, starting at the initial dispatch stub, followed by its terminator holding the slot; the
    /// runtime's interface dispatch resolves and caches it like any call site. The caller holds the lock.
    /// </summary>
    internal static InterfaceDispatchCell* DispatchCell(MethodTable* interfaceType, int slot)
    {
        void* found = Find(DispatchCellKind, interfaceType, (uint)slot, null, 0);
        if (found != null) return (InterfaceDispatchCell*)found;
        InterfaceDispatchCell* cell = (InterfaceDispatchCell*)Allocate((nuint)(2 * sizeof(InterfaceDispatchCell)));
        cell[0].Stub = (void*)(delegate*<void>)&InitialDispatchStub;
        cell[0].Cache = (void*)((nuint)interfaceType | InterfacePointerTag);
        cell[1].Stub = null;
        cell[1].Cache = (void*)(nuint)(uint)slot;
        Add(DispatchCellKind, interfaceType, (uint)slot, null, 0, cell);
        return cell;
    }

    /// <summary>The statics of an instantiation the image has none for, allocated once (<see cref="GenericStatics"/>); the caller holds the lock.</summary>
    internal static void* AllocatedStatics(MethodTable* definition, MethodTable** arguments, int count, bool gc)
    {
        int kind = gc ? GcStaticsKind : NonGcStaticsKind;
        void* found = Find(kind, definition, 0, arguments, count);
        if (found != null) return found;
        void* statics = GenericStatics.Allocate(definition, arguments, count, gc);
        Add(kind, definition, 0, arguments, count, statics);
        if (!gc) GenericStatics.AttachConstructor(definition, arguments, count, statics);
        return statics;
    }

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpInitialDynamicInterfaceDispatch")]
    private static extern void InitialDispatchStub();

    // Builds and lists the dictionary of a template's layout, or finds the one already built.
    private static void* DictionaryOf(MethodTable* owner, uint method, MethodTable** arguments, int count, byte* layout)
    {
        void* dictionary = Find(DictionaryKind, owner, method, arguments, count);
        if (dictionary != null) return dictionary;
        byte* slots = NativeLayout.FindBagElement(layout, NativeLayout.DictionaryLayoutBagElement);
        byte* position = slots;
        uint slotCount = slots == null ? 0 : NativeFormatReader.ReadUnsigned(ref position);
        dictionary = (byte*)Allocate(DictionaryHeader + slotCount * (nuint)sizeof(void*)) + DictionaryHeader;
        Add(DictionaryKind, owner, method, arguments, count, dictionary);
        GenericContext context = new GenericContext { Type = owner, MethodArguments = arguments, MethodArgumentCount = count };
        GenericDictionaryBuilder.Fill((void**)dictionary, position, slotCount, ref context);
        return dictionary;
    }

    // The template whose canonical method this instantiation runs: its layout bag and code.
    private static byte* FindTemplate(MethodTable* owner, uint method, MethodTable** arguments, int count, out void* code)
    {
        byte* blob = GenericVirtualMethodTables.NativeLayoutInfo;
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.MethodTemplates);
        GenericContext none = default;
        while (table.TryNext(out byte* entry))
        {
            byte* methodAt = blob + NativeFormatReader.ReadUnsigned(ref entry);
            byte* layout = blob + NativeFormatReader.ReadUnsigned(ref entry);
            NativeMethodEntry candidate = NativeMethodEntry.Read(ref methodAt);
            if (candidate.Method != method || candidate.ArgumentCount != (uint)count) continue;
            byte* position = candidate.OwningType;
            MethodTable* canonicalOwner = TypeSignatureResolver.Resolve(ref position, ref none, out _);
            if (canonicalOwner == null || !CanonicalForm.Matches(canonicalOwner, owner)) continue;
            bool match = true;
            position = candidate.Arguments;
            for (int i = 0; i < count && match; i++)
            {
                MethodTable* canonical = TypeSignatureResolver.Resolve(ref position, ref none, out _);
                match = canonical != null && CanonicalForm.ArgumentMatches(canonical, arguments[i]);
            }
            if (!match) continue;
            code = candidate.HasFunctionPointer ? GenericVirtualMethodTables.NativeReference(candidate.FunctionPointer) : null;
            return layout;
        }
        code = null;
        return null;
    }

    /// <summary>What was built for the key, or null (the caller holds the lock).</summary>
    internal static void* Find(int kind, MethodTable* owner, uint method, MethodTable** arguments, int count)
    {
        for (Built* built = s_built; built != null; built = built->Next)
        {
            if (built->Kind != kind || built->Owner != owner || built->Method != method || built->ArgumentCount != count) continue;
            bool same = true;
            for (int i = 0; i < count && same; i++) same = built->Arguments[i] == arguments[i];
            if (same) return built->Result;
        }
        return null;
    }

    /// <summary>Lists what was built for the key (the caller holds the lock).</summary>
    internal static void Add(int kind, MethodTable* owner, uint method, MethodTable** arguments, int count, void* result)
    {
        Built* built = (Built*)Allocate((nuint)(sizeof(Built) + count * sizeof(void*)));
        built->Kind = kind;
        built->Owner = owner;
        built->Method = method;
        built->ArgumentCount = count;
        built->Result = result;
        for (int i = 0; i < count; i++) built->Arguments[i] = arguments[i];
        built->Next = s_built;
        s_built = built;
    }

    /// <summary>Zeroed memory that is never freed.</summary>
    internal static void* Allocate(nuint size)
    {
        void* memory = KernelImports.HeapAllocate(size);
        if (memory == null) ExceptionHandling.PanicText("runtime", "out of memory building a generic dictionary");
        return memory;
    }

    private static void Lock()
    {
        while (Interlocked.CompareExchange(ref s_lock, 1, 0) != 0)
        {
        }
    }

    private static void Unlock() => Volatile.Write(ref s_lock, 0);
}
