namespace System.Runtime.CompilerServices;

/// <summary>A calling-convention marker for unmanaged function pointers.</summary>
public class CallConvCdecl
{
    /// <summary>Creates the marker.</summary>
    public CallConvCdecl() { }
}
