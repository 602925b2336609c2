namespace Internal.Runtime;

/// <summary>
/// Finds the code of a generic virtual method for a receiver type from ILC's tables (<see cref="GenericVirtualMethodTables"/>):
/// the class table (or, for an interface method, the interface table) says which method of the receiver's type, or
/// of the nearest base class, implements the called one; the exact-instantiation table then gives that method's code
/// for the call's type arguments. Only unshared code is found: an instantiation over reference types runs shared code
/// that needs a generic dictionary built at run time (a type loader this runtime does not have), and such calls are
/// rejected by analyzer RDX2008 before they get here. Methods are named by their metadata handle, which is only unique
/// within a type, so every comparison pairs a handle with its type.
/// </summary>
internal static unsafe class GenericVirtualMethodResolver
{
    // Interface implementations that are not methods (a diamond or a re-abstraction) are small constants, never a
    // metadata handle (whose top byte is the handle kind).
    private const uint FirstMetadataHandle = 0x01000000;

    /// <summary>The code implementing <paramref name="method"/> for <paramref name="type"/>; null when ILC compiled none.</summary>
    public static void* Resolve(MethodTable* type, GenericMethodHandle* method)
    {
        MethodTable* owner = method->DeclaringType;
        uint implementation = method->Method;
        if (owner->IsInterface && !TryFindInterfaceImplementation(type, method, out owner, out implementation)) return null;

        // A class method (called directly, or implementing the interface method) may be overridden below its type.
        if (TryFindOverride(type, owner, implementation, out MethodTable* overrideOwner, out uint overrideMethod))
            return FindExactInstantiation(overrideOwner, overrideMethod, method);
        return owner->IsInterface ? null : FindExactInstantiation(owner, implementation, method);
    }

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
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.Gvm);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* callingType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            MethodTable* implementingType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            uint callingMethod = NativeFormatReader.ReadUnsigned(ref entry);
            uint implementingMethod = NativeFormatReader.ReadUnsigned(ref entry);
            if (callingType == declaringType && implementingType == type && callingMethod == method)
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
    // signatures, the signatures (which instantiation of a generic interface; skipped: generic interfaces with GVMs
    // are rejected by RDX2008, and a non-generic one has exactly one).
    private static bool TryFindInterfaceImplementation(MethodTable* type, GenericMethodHandle* method, out MethodTable* owner, out uint implementation)
    {
        for (MethodTable* current = type; current != null; current = current->BaseType)
        {
            if (TryFindInterfaceImplementationOn(current, method, out owner, out implementation)) return true;
        }
        owner = null;
        implementation = 0;
        return false;
    }

    private static bool TryFindInterfaceImplementationOn(MethodTable* type, GenericMethodHandle* method, out MethodTable* owner, out uint implementation)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.InterfaceGvm);
        while (table.TryNext(out byte* entry))
        {
            MethodTable* interfaceType = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            uint interfaceMethod = NativeFormatReader.ReadUnsigned(ref entry);
            if (interfaceType != method->DeclaringType || interfaceMethod != method->Method) continue;

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
                    usedByType |= (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry)) == type;
                    uint signatures = NativeFormatReader.ReadUnsigned(ref entry);
                    for (uint s = 0; s < signatures; s++) NativeFormatReader.ReadUnsigned(ref entry);
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
