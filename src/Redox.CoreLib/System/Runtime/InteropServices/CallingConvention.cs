namespace System.Runtime.InteropServices;

/// <summary>Native calling conventions.</summary>
public enum CallingConvention
{
    /// <summary>The platform default.</summary>
    Winapi = 1,
    /// <summary>cdecl.</summary>
    Cdecl = 2,
    /// <summary>stdcall.</summary>
    StdCall = 3,
    /// <summary>thiscall.</summary>
    ThisCall = 4,
    /// <summary>fastcall.</summary>
    FastCall = 5,
}
