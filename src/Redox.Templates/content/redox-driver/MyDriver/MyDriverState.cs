using Redox.Syscall;

namespace MyDriver;

/// <summary>What the driver keeps per open handle of <c>myscheme:</c>.</summary>
public struct MyDriverState
{
    /// <summary>The open flags: their access mode says whether the handle may read and write.</summary>
    public OpenFlags Flags;
}
