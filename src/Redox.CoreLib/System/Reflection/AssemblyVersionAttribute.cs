namespace System.Reflection;

/// <summary>The assembly's version (the compiler writes it into the assembly's identity).</summary>
[AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
public sealed class AssemblyVersionAttribute : Attribute
{
    /// <summary>Sets the version.</summary>
    public AssemblyVersionAttribute(string version) { Version = version; }

    /// <summary>The version text.</summary>
    public string Version { get; }
}
