namespace System.Runtime.CompilerServices;

/// <summary>A calling-convention marker for unmanaged function pointers.</summary>
public class CallConvSuppressGCTransition
{
    /// <summary>Creates the marker.</summary>
    public CallConvSuppressGCTransition() { }
}
