namespace System.Runtime;

/// <summary>
/// Binds an <c>extern</c> method straight to a native symbol (our assembly stubs) with no marshalling. ILC matches
/// this attribute by name in any assembly; the core library has its own internal copy.
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
