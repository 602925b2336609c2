using System;

// Lives in namespace Redox (not Redox.Scheme): the analyzers match it by its full name, Redox.NoAllocAttribute.
namespace Redox;

/// <summary>
/// Marks code that must not allocate: there is no GC on bare metal, so a hidden allocation on a request
/// path is a leak. The Redox analyzers report allocations inside marked code; tests measure it on the host.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method
    | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class NoAllocAttribute : Attribute
{
}
