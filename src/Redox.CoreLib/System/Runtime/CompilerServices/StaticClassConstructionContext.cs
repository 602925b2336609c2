using System.Runtime.InteropServices;

namespace System.Runtime.CompilerServices;

/// <summary>ILC places this before the statics of a type whose static constructor runs lazily: the address of that constructor, zeroed once it has run.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct StaticClassConstructionContext
{
    /// <summary>The static constructor still to run, or 0.</summary>
    public nint cctorMethodAddress;
}
