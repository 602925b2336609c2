namespace System.Runtime.InteropServices;

/// <summary>Declares a native function (on bare metal: a symbol linked into the image).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DllImportAttribute : Attribute
{
    /// <summary>Names the library.</summary>
    public DllImportAttribute(string dllName) { Value = dllName; }

    /// <summary>The library name.</summary>
    public string Value { get; }

    /// <summary>The symbol name.</summary>
    public string? EntryPoint;

    /// <summary>String marshalling.</summary>
    public CharSet CharSet;

    /// <summary>Whether errno is saved.</summary>
    public bool SetLastError;

    /// <summary>Whether the signature is kept exactly.</summary>
    public bool PreserveSig;

    /// <summary>The calling convention.</summary>
    public CallingConvention CallingConvention;

    /// <summary>Whether the name is used exactly.</summary>
    public bool ExactSpelling;
}
