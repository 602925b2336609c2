namespace Internal.Runtime;

/// <summary>
/// Finds the code of a generic virtual method for a receiver type from ILC's tables (<see cref="GenericVirtualMethodTables"/>):
/// the class table (or, for an interface method, the interface table) says which method of the receiver's type, or
/// of the nearest base class, implements the called one; the exact-instantiation table then gives that method's code
/// for the call's type arguments, and when there is none the code is shared (<c>Weigh&lt;__Canon&gt;</c>) and
/// <see cref="SharedGenericMethods"/> gives a fat pointer to it with its generic dictionary. Methods are named by
/// their metadata handle, which is only unique within a type, so every comparison pairs a handle with its type.
/// The tables name generic types by their open definition (<c>Catalog&lt;&gt;</c>); which instantiation of a generic
/// interface a type implements is a native layout signature in the implementing type's terms
/// (<c>IConverter&lt;!0&gt;</c>), compared with the called interface part by part.
/// </summary>
internal static unsafe class GenericVirtualMethodResolver
{
    // Interface implementations that are not methods (a diamond or a re-abstraction) are small constants, never a
    // metadata handle (whose top byte is the handle kind).
    private const uint FirstMetadataHandle = 0x01000000;

    /// <summary>
    /// The code implementing <paramref name="method"/> for <paramref name="type"/>: plain code, or a fat pointer
    /// (bit 1 set) to shared code and its dictionary; null when ILC compiled neither. <paramref name="lockHeld"/> says
    /// the caller holds <see cref="SharedGenericMethods"/>' lock (it is filling a dictionary slot).
    /// </summary>
    public static void* Resolve(MethodTable* type, GenericMethodHandle* method, bool lockHeld = false)
    {
        MethodTable* owner = method->DeclaringType;
        uint implementation = method->Method;
        if (owner->IsInterface && !TryFindInterfaceImplementation(type, method, out owner, out implementation)) return null;

        // A class method (called directly, or implementing the interface method) may be overridden below its type.
        if (!owner->IsInterface && TryFindOverride(type, owner, implementation, out MethodTable* overrideOwner, out uint overrideMethod))
        {
            owner = overrideOwner;
            implementation = overrideMethod;
        }
        void* code = FindExactInstantiation(owner, implementation, method);
        if (code != null) return code;
        MethodTable** arguments = (MethodTable**)(method + 1);
        return lockHeld
            ? SharedGenericMethods.FatPointerLocked(owner, implementation, arguments, method->ArgumentCount)
            : SharedGenericMethods.FatPointer(owner, implementation, arguments, method->ArgumentCount);
    }

    // The tables name a generic type by its definition.
    private static MethodTable* Definition(MethodTable* type) => type->IsGeneric ? type->GenericDefinition : type;

    // The nearest class from type up that implements the virtual method (callingType, callingMethod).
    private static bool TryFindOverride(MethodTable* type, MethodTable* callingType, uint callingMethod, out MethodTable* owner, out uint implementation)
    {
        for (MethodTable* current = type; current != null; current = current->BaseType)
        {
            if (TryFindClassImplementation(current, callingType, callingMethod, out implementation))
            {
                owner = current;
                return true;
            }
        }
        owner = null;
        implementation = 0;
        return false;
    }

    // Class table entry: calling type, implementing type, calling method, implementing method.
    private static bool TryFindClassImplementation(MethodTable* type, MethodTable* declaringType, uint method, out uint implementation)
    {
        MethodTable* typeDefinition = Definition(type);
        MethodTable* declaringDefinition = Definition(declaringType);
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.Gvm);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* callingType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            MethodTable* implementingType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            uint callingMethod = NativeFormatReader.ReadUnsigned(ref entry);
            uint implementingMethod = NativeFormatReader.ReadUnsigned(ref entry);
            if (callingType == declaringDefinition && implementingType == typeDefinition && callingMethod == method)
            {
                implementation = implementingMethod;
                return true;
            }
        }
        implementation = 0;
        return false;
    }

    // Interface table entry: interface, interface method, then per implementing method: its handle and declaring type
    // (or one special constant), the number of types that use it, and per type: the type, a count of interface
    // signatures, the signatures (offsets into the native layout blob: which instantiations of the interface the
    // type implements with that method; a non-generic interface has exactly one).
    private static bool TryFindInterfaceImplementation(MethodTable* type, GenericMethodHandle* method, out MethodTable* owner, out uint implementation)
    {
        for (MethodTable* current = type; current != null; current = current->BaseType)
        {
            if (TryFindInterfaceImplementationOn(current, method, out MethodTable* candidateOwner, out implementation))
            {
                owner = Exact(type, candidateOwner, method->DeclaringType);
                return owner != null;
            }
        }
        owner = null;
        implementation = 0;
        return false;
    }

    private static bool TryFindInterfaceImplementationOn(MethodTable* type, GenericMethodHandle* method, out MethodTable* owner, out uint implementation)
    {
        MethodTable* typeDefinition = Definition(type);
        MethodTable* interfaceDefinition = Definition(method->DeclaringType);
        GenericContext context = new GenericContext { Type = type };
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.InterfaceGvm);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* interfaceType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            uint interfaceMethod = NativeFormatReader.ReadUnsigned(ref entry);
            if (interfaceType != interfaceDefinition || interfaceMethod != method->Method) continue;

            uint implementations = NativeFormatReader.ReadUnsigned(ref entry);
            for (uint i = 0; i < implementations; i++)
            {
                uint candidate = NativeFormatReader.ReadUnsigned(ref entry);
                MethodTable* candidateOwner = null;
                if (candidate >= FirstMetadataHandle)
                    candidateOwner = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
                uint types = NativeFormatReader.ReadUnsigned(ref entry);
                bool usedByType = false;
                for (uint t = 0; t < types; t++)
                {
                    bool thisType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry)) == typeDefinition;
                    uint signatures = NativeFormatReader.ReadUnsigned(ref entry);
                    for (uint s = 0; s < signatures; s++)
                    {
                        byte* signature = GenericVirtualMethodTables.NativeLayoutInfo + NativeFormatReader.ReadUnsigned(ref entry);
                        usedByType |= thisType && TypeSignatureResolver.Matches(ref signature, ref context, method->DeclaringType);
                    }
                }
                if (usedByType && candidateOwner != null)
                {
                    owner = candidateOwner;
                    implementation = candidate;
                    return true;
                }
            }
        }
        owner = null;
        implementation = 0;
        return false;
    }

    // The exact type an implementing method belongs to, from the definition the interface table names: a class of
    // the receiver's chain, or (a default implementation) one of its interfaces, the called one first.
    private static MethodTable* Exact(MethodTable* type, MethodTable* definition, MethodTable* calledInterface)
    {
        if (!definition->IsInterface)
        {
            for (MethodTable* current = type; current != null; current = current->BaseType)
            {
                if (Definition(current) == definition) return current;
            }
            return null;
        }
        if (Definition(calledInterface) == definition) return calledInterface;
        for (int i = 0; i < type->NumInterfaces; i++)
        {
            if (Definition(type->InterfaceMap[i]) == definition) return type->InterfaceMap[i];
        }
        return null;
    }

    // Exact-instantiation entry: declaring type, method, type arguments (count, then each), code; all references
    // into the native-references table. A value type's instance method comes as its unboxing stub, as the call
    // passes the boxed receiver.
    private static void* FindExactInstantiation(MethodTable* owner, uint implementation, GenericMethodHandle* method)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.ExactInstantiations);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* declaringType = (MethodTable*)GenericVirtualMethodTables.NativeReference(NativeFormatReader.ReadUnsigned(ref entry));
            uint handle = NativeFormatReader.ReadUnsigned(ref entry);
            uint count = NativeFormatReader.ReadUnsigned(ref entry);
            bool match = declaringType == owner && handle == implementation && count == (uint)method->ArgumentCount;
            for (uint i = 0; i < count; i++)
            {
                MethodTable* argument = (MethodTable*)GenericVirtualMethodTables.NativeReference(NativeFormatReader.ReadUnsigned(ref entry));
                match = match && argument == method->GetArgument((int)i);
            }
            uint code = NativeFormatReader.ReadUnsigned(ref entry);
            if (match) return GenericVirtualMethodTables.NativeReference(code);
        }
        return null;
    }
}
