namespace System.Runtime;

/// <summary>
/// Binds an <c>extern</c> method straight to a native symbol. ILC matches this attribute by name in any assembly,
/// so the test image declares its own copy (the kernel's is internal).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeImportAttribute : Attribute
{
    public RuntimeImportAttribute(string lib, string entry)
    {
        DllName = lib;
        EntryPoint = entry;
    }

    public string DllName { get; }

    public string EntryPoint { get; }
}
