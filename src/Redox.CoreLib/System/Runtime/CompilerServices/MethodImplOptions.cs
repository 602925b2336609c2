namespace System.Runtime.CompilerServices;

/// <summary>How a method is compiled.</summary>
[Flags]
public enum MethodImplOptions
{
    /// <summary>No option.</summary>
    Unmanaged = 0x0004,
    /// <summary>Never inline.</summary>
    NoInlining = 0x0008,
    /// <summary>Keep the exact signature.</summary>
    PreserveSig = 0x0080,
    /// <summary>Implemented by the runtime.</summary>
    InternalCall = 0x1000,
    /// <summary>One thread at a time (not supported on bare metal).</summary>
    Synchronized = 0x0020,
    /// <summary>Never optimise.</summary>
    NoOptimization = 0x0040,
    /// <summary>Inline when possible.</summary>
    AggressiveInlining = 0x0100,
    /// <summary>Optimise fully at once.</summary>
    AggressiveOptimization = 0x0200,
}
