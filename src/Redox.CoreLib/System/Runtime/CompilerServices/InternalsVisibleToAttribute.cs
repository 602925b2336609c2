namespace System.Runtime.CompilerServices;

/// <summary>The compiler's or runtime's <c>InternalsVisibleTo</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false, AllowMultiple = true)]
public sealed class InternalsVisibleToAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public InternalsVisibleToAttribute(string assemblyName) { AssemblyName = assemblyName; }

    /// <summary>The assemblyName given to the constructor.</summary>
    public string AssemblyName { get; }
}
