namespace System.Runtime.CompilerServices;

/// <summary>The compiler's <c>SkipLocalsInit</c> marker, matched by name: locals and <c>stackalloc</c> are not zeroed.</summary>
[AttributeUsage(AttributeTargets.Module | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface |
                AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Event, Inherited = false)]
public sealed class SkipLocalsInitAttribute : Attribute
{
}
