namespace System.Runtime.InteropServices;

/// <summary>How strings are marshalled.</summary>
public enum CharSet
{
    /// <summary>Not given.</summary>
    None = 1,
    /// <summary>8-bit.</summary>
    Ansi = 2,
    /// <summary>UTF-16.</summary>
    Unicode = 3,
    /// <summary>Platform choice.</summary>
    Auto = 4,
}
