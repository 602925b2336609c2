namespace System.Runtime.CompilerServices;

/// <summary>A calling-convention marker for unmanaged function pointers.</summary>
public class CallConvThiscall
{
    /// <summary>Creates the marker.</summary>
    public CallConvThiscall() { }
}
