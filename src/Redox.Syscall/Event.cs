using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// An event record (Redox <c>data::Event</c>, <c>repr(C)</c>, 24 bytes) as written to and read from
/// the <c>event:</c> scheme: write one to subscribe a descriptor, read them to learn readiness.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Event
{
    /// <summary><c>id</c>: the descriptor the event is about.</summary>
    public ulong Id;
    /// <summary><c>flags</c>: <see cref="EventFlags"/>.</summary>
    public ulong Flags;
    /// <summary><c>data</c>: user data echoed back with the event.</summary>
    public ulong Data;
}
