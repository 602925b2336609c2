namespace System.Runtime.InteropServices;

/// <summary>The compiler's or runtime's <c>UnmanagedCallersOnly</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public UnmanagedCallersOnlyAttribute() { }

    /// <summary>The calling conventions the method uses.</summary>
    public Type[]? CallConvs;

    /// <summary>The native symbol the method is exported as.</summary>
    public string? EntryPoint;
}
