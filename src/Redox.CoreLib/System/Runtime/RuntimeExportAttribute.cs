namespace System.Runtime;

/// <summary>Exports a method under a native symbol name: how the runtime helpers ILC calls are provided.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeExportAttribute : Attribute
{
    public RuntimeExportAttribute(string entry) { EntryPoint = entry; }

    public string EntryPoint { get; }
}
