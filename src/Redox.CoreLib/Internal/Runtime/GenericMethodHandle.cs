using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// What a <see cref="System.RuntimeMethodHandle"/> of an instantiated generic method points to (ILC 10's layout):
/// the declaring type, the method's metadata handle, the number of type arguments, then the type arguments. The
/// metadata handle names the method within its type only when ILC emits reflection metadata (without it, every
/// method's handle is 0).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GenericMethodHandle
{
    /// <summary>The type that declares the method as called (the class or interface that introduced the slot).</summary>
    public MethodTable* DeclaringType;

    /// <summary>The method's metadata handle.</summary>
    public uint Method;

    /// <summary>How many type arguments follow.</summary>
    public int ArgumentCount;

    /// <summary>Type argument <paramref name="index"/>.</summary>
    public MethodTable* GetArgument(int index)
    {
        fixed (GenericMethodHandle* self = &this)
            return ((MethodTable**)(self + 1))[index];
    }
}
