using System;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// What <c>ldtoken</c> turns into (ILC finds these by name). Handles are opaque pointers; <c>typeof</c> needs
/// reflection objects, which bare metal does not have yet.
/// </summary>
internal static class LdTokenHelpers
{
    private static RuntimeTypeHandle GetRuntimeTypeHandle(nint methodTable) => new RuntimeTypeHandle(methodTable);

    private static RuntimeMethodHandle GetRuntimeMethodHandle(nint signature) => new RuntimeMethodHandle(signature);

    private static RuntimeFieldHandle GetRuntimeFieldHandle(nint signature) => new RuntimeFieldHandle(signature);

    private static Type GetRuntimeType(nint methodTable)
    {
        ThrowHelpers.ThrowFeatureBodyRemoved();
        return null!;
    }
}
