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
            if (!missing) Construct(constructor, ref Unsafe.As<T, byte>(ref value));
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
    private static void Construct(void* constructor, ref byte value)
    {
        if (((nuint)constructor & FatPointerTag) == 0)
        {
            ((delegate*<ref byte, void>)constructor)(ref value);
            return;
        }
        void** descriptor = (void**)((nuint)constructor - FatPointerTag);
        ((delegate*<ref byte, void*, void>)descriptor[0])(ref value, descriptor[1]);
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
