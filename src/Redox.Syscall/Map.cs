using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>A mapping request (Redox <c>data::Map</c>, <c>repr(C)</c>, 32 bytes) passed to fmap.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Map
{
    /// <summary><c>offset</c>: offset in the file.</summary>
    public ulong Offset;
    /// <summary><c>size</c>: length in bytes.</summary>
    public ulong Size;
    /// <summary><c>flags</c>: <see cref="MapFlags"/>.</summary>
    public ulong Flags;
    /// <summary><c>address</c>: requested address (with MAP_FIXED) or 0.</summary>
    public ulong Address;
}
