namespace System.Runtime;

/// <summary>Binds an <c>extern</c> method directly to a native symbol, with no marshalling (ILC matches the name).</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeImportAttribute : Attribute
{
    public RuntimeImportAttribute(string entry) { EntryPoint = entry; }

    public RuntimeImportAttribute(string lib, string entry) { DllName = lib; EntryPoint = entry; }

    public string? DllName { get; }

    public string EntryPoint { get; }
}
