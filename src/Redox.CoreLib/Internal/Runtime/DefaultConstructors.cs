using System;

namespace Internal.Runtime;

/// <summary>
/// The parameterless constructor of an exact type, for the default-constructor slot of a dictionary built at run time
/// (<c>new T()</c> in shared code is <c>Activator.CreateInstance&lt;T&gt;</c>, whose template asks for one). ILC never
/// compiles such an instantiation of a generic virtual method itself; its reflection dataflow (<c>--scanreflection</c>)
/// reads a <c>new()</c> constraint as needing the type argument's parameterless constructor, so ILC compiles it and
/// lists it in the invoke map, flagged as the default constructor, under the type's canonical form (a generic class's
/// constructor is shared code that finds its type through <c>this</c>; a generic struct's is listed as its unboxing
/// stub, which <c>CreateInstance</c> calls on a box on the stack, told so by a descriptor). A type without one gets
/// <c>Activator.MissingConstructorMethod</c>, which <c>CreateInstance</c> turns into a zeroed struct or a
/// <c>MissingMethodException</c>, as exact code does.
/// </summary>
internal static unsafe class DefaultConstructors
{
    // Invoke map entry flags (NativeAOT's InvokeTableFlags).
    private const uint IsDefaultConstructorFlag = 0x08;
    private const uint HasEntrypointFlag = 0x20;

    /// <summary>The code of <paramref name="type"/>'s parameterless constructor, or the missing-constructor marker.</summary>
    public static void* Find(MethodTable* type)
    {
        NativeHashtable table = new NativeHashtable(GenericVirtualMethodTables.InvokeMap);
        while (table.TryNext(out byte* entry))
        {
            uint flags = NativeFormatReader.ReadUnsigned(ref entry);
            if ((flags & (IsDefaultConstructorFlag | HasEntrypointFlag)) != (IsDefaultConstructorFlag | HasEntrypointFlag)) continue;
            NativeFormatReader.ReadUnsigned(ref entry); // the method's metadata handle
            MethodTable* owner = (MethodTable*)GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            if (!CanonicalForm.Matches(owner, type)) continue;
            void* code = GenericVirtualMethodTables.CommonFixup(NativeFormatReader.ReadUnsigned(ref entry));
            if (!type->IsValueType) return code;
            // A shared struct's constructor is listed as its unboxing stub: a descriptor that tells CreateInstance so.
            void** descriptor = (void**)SharedGenericMethods.Allocate((nuint)(2 * sizeof(void*)));
            descriptor[0] = code;
            descriptor[1] = (void*)(delegate*<void>)&Activator.UnboxingConstructor;
            return (byte*)descriptor + FatPointerTag;
        }
        return (void*)(delegate*<void>)&Activator.MissingConstructorMethod;
    }

    private const nint FatPointerTag = 2;
}
