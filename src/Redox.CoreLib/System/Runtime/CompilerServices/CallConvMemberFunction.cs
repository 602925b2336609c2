namespace System.Runtime.CompilerServices;

/// <summary>A calling-convention marker for unmanaged function pointers.</summary>
public class CallConvMemberFunction
{
    /// <summary>Creates the marker.</summary>
    public CallConvMemberFunction() { }
}
