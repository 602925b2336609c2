namespace System.Runtime.CompilerServices;

/// <summary>Compilation options for a method (a pseudo-attribute the compiler turns into metadata flags).</summary>
[AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
public sealed class MethodImplAttribute : Attribute
{
    /// <summary>No options.</summary>
    public MethodImplAttribute() { }

    /// <summary>The given options.</summary>
    public MethodImplAttribute(MethodImplOptions methodImplOptions) { Value = methodImplOptions; }

    /// <summary>The options.</summary>
    public MethodImplOptions Value { get; }
}
