using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// What a scheme daemon passes to <c>dup</c> on its scheme socket to make a descriptor for one of its own
/// handles (Redox <c>data::NewFdParams</c>, <c>repr(C)</c>, 32 bytes). In Redox 0.9 this is how a daemon
/// makes the root descriptor it registers with the namespace manager.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct NewFdParams
{
    /// <summary><c>offset</c>: the initial file offset.</summary>
    public ulong Offset;

    /// <summary><c>number</c>: the scheme's handle id.</summary>
    public ulong Number;

    /// <summary><c>flags</c>: the descriptor's <c>O_*</c> flags.</summary>
    public ulong Flags;

    /// <summary><c>internal_flags</c>: <see cref="NewFdFlags"/> (e.g. <see cref="NewFdFlags.Positioned"/>).</summary>
    public NewFdFlags InternalFlags;
}
