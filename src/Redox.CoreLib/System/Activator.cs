using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System;

/// <summary>
/// <c>new T()</c>: C# compiles it to <see cref="CreateInstance{T}"/>. ILC expands <c>DefaultConstructorOf&lt;T&gt;</c>
/// to the code of T's parameterless constructor: a constant in exact code, a dictionary slot in shared code (built at
/// run time for a shared generic virtual method, <c>GenericDictionaryBuilder</c>). A type without one gets
/// <c>MissingConstructorMethod</c> (a class: <see cref="MissingMethodException"/>; a struct: its value stays zeroed, as
/// <c>new T()</c> means) or, in exact code, <c>StructWithNoConstructor</c>'s empty constructor; ILC looks both up by
/// name.
/// </summary>
public static unsafe class Activator
{
    /// <summary>A new instance of <typeparamref name="T"/> made by its parameterless constructor (a zeroed value for a struct without one).</summary>
    public static T CreateInstance<T>()
    {
        void* constructor = (void*)DefaultConstructorOf<T>();
        MethodTable* type = MethodTable.Of<T>();
        bool missing = constructor == (void*)(delegate*<void>)&MissingConstructorMethod;
        if (type->IsValueType)
        {
            T value = default!;
            if (!missing) Construct(constructor, type, ref Unsafe.As<T, byte>(ref value));
            return value;
        }
        if (missing) throw new MissingMethodException("No parameterless constructor defined for the type of Activator.CreateInstance<T>.");
        object instance = RuntimeExports.RhNewObject(type);
        ((delegate*<object, void>)constructor)(instance);
        return Unsafe.As<object, T>(ref instance);
    }

    // A struct's constructor runs on the value in place. A generic struct's over reference types is shared code: ILC
    // hands exact code a fat pointer (bit 1 set) to {code, the struct's MethodTable}. RyuJIT's own unpacking of a fat
    // calli would pass that context first (the signature here is static); an instance method takes it after `this`.
    private static void Construct(void* constructor, MethodTable* type, ref byte value)
    {
        if (((nuint)constructor & FatPointerTag) == 0)
        {
            ((delegate*<ref byte, void>)constructor)(ref value);
            return;
        }
        void** descriptor = (void**)((nuint)constructor - FatPointerTag);
        if (descriptor[1] != (void*)(delegate*<void>)&UnboxingConstructor)
        {
            ((delegate*<ref byte, void*, void>)descriptor[0])(ref value, descriptor[1]);
            return;
        }
        // The entry ILC lists for a shared struct's constructor (DefaultConstructors) is its unboxing stub, which takes
        // the struct boxed and its type from the box: a box on the stack (header, MethodTable, data) that nothing
        // keeps, its data copied out after.
        uint size = type->ValueTypeSize;
        byte* box = stackalloc byte[(int)type->BaseSize];
        SpanHelpers.ClearWithoutReferences(ref *box, type->BaseSize);
        *(MethodTable**)(box + sizeof(nint)) = type;
        ((delegate*<void*, void>)descriptor[0])(box + sizeof(nint));
        SpanHelpers.Memmove(ref value, ref *(box + 2 * sizeof(nint)), size);
    }

    /// <summary>
    /// Marks a constructor descriptor {code, marker} whose code is an unboxing stub (a shared struct's constructor,
    /// found at run time by <c>DefaultConstructors</c>); compared by address, never called.
    /// </summary>
    internal static void UnboxingConstructor()
    {
    }

    private const nuint FatPointerTag = 2;

    // Expanded by RyuJIT (NI_System_Activator_DefaultConstructorOf); never runs.
    [Intrinsic]
    private static IntPtr DefaultConstructorOf<T>() => throw null!;

    // Stands for "no parameterless constructor": compared by address, never called.
    internal static void MissingConstructorMethod() => throw new MissingMethodException();

    // The constructor of a struct that has no parameterless one: leaves the value zeroed.
    private struct StructWithNoConstructor
    {
        public StructWithNoConstructor()
        {
        }
    }
}
