namespace System.Runtime.InteropServices;

/// <summary>Present because ILC looks it up by name; dynamic interface casting is not supported on bare metal.</summary>
public interface IDynamicInterfaceCastable
{
    /// <summary>Whether the object implements the interface.</summary>
    bool IsInterfaceImplemented(RuntimeTypeHandle interfaceType, bool throwIfNotImplemented);

    /// <summary>The type that implements the interface.</summary>
    RuntimeTypeHandle GetInterfaceImplementation(RuntimeTypeHandle interfaceType);

    /// <summary>ILC's hook for dynamic casts; unsupported on bare metal, so it panics.</summary>
    internal static nint GetDynamicInterfaceImplementation(object instance, nint interfaceType)
    {
        Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowFeatureBodyRemoved();
        return 0;
    }
}
