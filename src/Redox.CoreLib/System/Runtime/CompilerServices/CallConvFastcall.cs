namespace System.Runtime.CompilerServices;

/// <summary>A calling-convention marker for unmanaged function pointers.</summary>
public class CallConvFastcall
{
    /// <summary>Creates the marker.</summary>
    public CallConvFastcall() { }
}
