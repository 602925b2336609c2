using System.Runtime.CompilerServices;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>
/// The helper ILC 10 calls for every generic virtual method call (and <c>ldvirtftn</c> of one) it cannot
/// devirtualize: <c>GVMLookupForSlot(receiver, method)</c> returns the code to call. The answer is cached per
/// (receiver type, method handle) in <see cref="GenericVirtualMethodCache"/>, so only a type's first call walks
/// ILC's tables (<see cref="GenericVirtualMethodResolver"/>); the cache is a fixed static, so a call never
/// allocates. The returned pointer is plain code, or for an instantiation that runs shared code (over reference
/// types) a "fat" pointer, bit 1 set, to the code and the generic dictionary built for it
/// (<see cref="SharedGenericMethods"/>), which ILC's call sequence tests for and unpacks.
/// </summary>
internal static unsafe class TypeLoaderExports
{
    /// <summary>The code of <paramref name="slot"/>'s method for <paramref name="obj"/>'s type.</summary>
    public static IntPtr GVMLookupForSlot(object obj, RuntimeMethodHandle slot)
    {
        if (obj is null) ThrowHelpers.ThrowNullReferenceException();
        MethodTable* type = obj.m_pEEType;
        GenericMethodHandle* method = (GenericMethodHandle*)slot.Value;
        void* target = GenericVirtualMethodCache.Lookup(type, method);
        return target != null ? (IntPtr)target : Resolve(type, method);
    }

    // The first call for a (type, method): out of line, so the cached path saves few registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IntPtr Resolve(MethodTable* type, GenericMethodHandle* method)
    {
        void* target = GenericVirtualMethodResolver.Resolve(type, method);
        if (target == null)
        {
            ExceptionHandling.PanicText("runtime", "no compiled code for a generic virtual method call: ILC emitted neither an exact instantiation nor a template for it");
            return IntPtr.Zero;
        }
        GenericVirtualMethodCache.Insert(type, method, target);
        return (IntPtr)target;
    }
}
