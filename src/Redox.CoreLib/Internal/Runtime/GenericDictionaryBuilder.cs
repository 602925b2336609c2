using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// Fills a shared generic method's dictionary from its template layout: a sequence of slots, each a kind and its
/// signature, in the order the shared code reads them. The kinds ILC 10 emits for ordinary code are built: a type
/// (<c>new Box&lt;T&gt;</c>, <c>new T[]</c>, casts, boxing), an interface dispatch cell (a call of a generic
/// interface's method over the type arguments, <c>IComparer&lt;T&gt;.Compare</c>), a generic type's statics
/// (<see cref="GenericStatics"/>), the dictionary of a generic
/// method the code calls with its own type arguments, the handle of a generic virtual method it calls with them, the
/// code of a static virtual interface member on a type argument, generic or not (<see cref="StaticConstrainedMethods"/>),
/// and a type's parameterless constructor (<c>new T()</c>, <see cref="DefaultConstructors"/>). A type the image has no
/// MethodTable for is built (<see cref="RuntimeTypeBuilder"/>); one that cannot be, or a slot kind outside these, ends in
/// a panic that names it (LIMITS.md, generic virtual methods).
/// </summary>
internal static unsafe class GenericDictionaryBuilder
{
    private const int MaxArguments = 8;

    /// <summary>Fills <paramref name="count"/> slots of <paramref name="dictionary"/> from the layout at <paramref name="slots"/>.</summary>
    public static void Fill(void** dictionary, byte* slots, uint count, ref GenericContext context)
    {
        byte* position = slots;
        for (uint i = 0; i < count; i++)
        {
            uint kind = NativeFormatReader.ReadUnsigned(ref position);
            switch (kind)
            {
                case NativeLayout.TypeHandleSlot:
                    dictionary[i] = Type(ref position, ref context);
                    break;
                case NativeLayout.UnwrapNullableSlot:
                {
                    MethodTable* type = Type(ref position, ref context);
                    dictionary[i] = type->IsNullable ? type->GetGenericArgument(0) : type;
                    break;
                }
                case NativeLayout.InterfaceCallSlot:
                {
                    MethodTable* interfaceType = Type(ref position, ref context);
                    dictionary[i] = SharedGenericMethods.DispatchCell(interfaceType, (int)NativeFormatReader.ReadUnsigned(ref position));
                    break;
                }
                case NativeLayout.MethodDictionarySlot:
                case NativeLayout.MethodHandleSlot:
                    dictionary[i] = Method(kind, ref position, ref context);
                    break;
                case NativeLayout.StaticDataSlot:
                    dictionary[i] = Statics(ref position, ref context);
                    break;
                case NativeLayout.MethodEntrySlot:
                    dictionary[i] = MethodEntryPoints.Resolve(ref position, ref context);
                    break;
                case NativeLayout.StaticConstrainedMethodSlot:
                    dictionary[i] = StaticConstrainedMethods.Resolve(ref position, ref context);
                    break;
                case NativeLayout.GenericStaticConstrainedMethodSlot:
                    dictionary[i] = StaticConstrainedMethods.ResolveGeneric(ref position, ref context);
                    break;
                case NativeLayout.DefaultConstructorSlot:
                    dictionary[i] = DefaultConstructors.Find(Type(ref position, ref context));
                    break;
                default:
                    ExceptionHandling.PanicText("runtime", "a shared generic method needs a dictionary slot this runtime does not build (not a type, interface call, statics, method dictionary, method handle, method entry, static constrained method, generic or not, or default constructor): see LIMITS.md, generic virtual methods");
                    return;
            }
        }
    }

    // A generic type's statics: its signature, then which statics (GC or not).
    private static void* Statics(ref byte* position, ref GenericContext context)
    {
        MethodTable** arguments = stackalloc MethodTable*[TypeSignatureResolver.MaxArguments];
        if (!TypeSignatureResolver.ResolveInstantiation(ref position, ref context, out MethodTable* definition, arguments, out int count))
            MissingType(definition);
        bool gc = NativeFormatReader.ReadUnsigned(ref position) == NativeLayout.GcStatics;
        return GenericStatics.Base(definition, arguments, count, gc);
    }

    private static MethodTable* Type(ref byte* position, ref GenericContext context)
    {
        MethodTable* type = TypeSignatureResolver.ResolveOrBuild(ref position, ref context, out MethodTable* missing);
        if (type == null) MissingType(missing);
        return type;
    }

    /// <summary>The handle of the method entry at <paramref name="position"/> (moved past it), made exact in the context; the caller holds the lock.</summary>
    internal static GenericMethodHandle* MethodHandleOf(ref byte* position, ref GenericContext context) =>
        (GenericMethodHandle*)Method(NativeLayout.MethodHandleSlot, ref position, ref context);

    // A method entry in the shared code's terms (Measure<!!0>), made exact in the context.
    private static void* Method(uint kind, ref byte* position, ref GenericContext context)
    {
        NativeMethodEntry entry = NativeMethodEntry.Read(ref position);
        byte* at = entry.OwningType;
        MethodTable* owner = Type(ref at, ref context);
        if (entry.ArgumentCount > MaxArguments) MissingType(null);
        MethodTable** arguments = stackalloc MethodTable*[MaxArguments];
        at = entry.Arguments;
        for (uint i = 0; i < entry.ArgumentCount; i++) arguments[i] = Type(ref at, ref context);
        return kind == NativeLayout.MethodDictionarySlot
            ? SharedGenericMethods.Dictionary(owner, entry.Method, arguments, (int)entry.ArgumentCount)
            : SharedGenericMethods.MethodHandle(owner, entry.Method, arguments, (int)entry.ArgumentCount);
    }

    // The kernel names the type from its MethodTable (the generic definition, or an array's element type).
    internal static void MissingType(MethodTable* type)
    {
        const string message = "(not an exception) shared generic code needs an instantiation of this type, or an array of it, that the image has no MethodTable for and the runtime cannot build (ILC wrote no template for its canonical form): construct it in non-shared code too (LIMITS.md, generic virtual methods)";
        if (type == null)
        {
            ExceptionHandling.PanicText("runtime", message);
            return;
        }
        fixed (char* text = message)
            KernelImports.PanicException(type, text, message.Length);
    }
}
