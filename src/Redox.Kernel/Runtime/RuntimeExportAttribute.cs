namespace System.Runtime;

/// <summary>
/// ILC's own marker (matched by name, like <see cref="RuntimeImportAttribute"/>): exports a managed method under a
/// native symbol with the managed calling convention and no reverse-P/Invoke frame. For the syscall entry, which
/// assembly calls on every system call: an <c>UnmanagedCallersOnly</c> method would add two transition calls and
/// spill every argument around them (issue 7's null-syscall figure).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeExportAttribute : Attribute
{
    public RuntimeExportAttribute(string entry) { EntryPoint = entry; }

    public string EntryPoint { get; }
}
