namespace System.Runtime.CompilerServices;

/// <summary>The runtime features the C# compiler checks for by name before it emits code that needs them.</summary>
public static class RuntimeFeature
{
    /// <summary><c>ref</c> fields (Span's reference).</summary>
    public const string ByRefFields = nameof(ByRefFields);

    /// <summary><c>nint</c>/<c>nuint</c> are <see cref="IntPtr"/>/<see cref="UIntPtr"/>.</summary>
    public const string NumericIntPtr = nameof(NumericIntPtr);

    /// <summary>Static abstract and virtual interface members (the hardware-access seam).</summary>
    public const string VirtualStaticsInInterfaces = nameof(VirtualStaticsInInterfaces);

    /// <summary>Default interface method implementations.</summary>
    public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);

    /// <summary>Unmanaged function pointer calling conventions.</summary>
    public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);

    /// <summary>Covariant return types.</summary>
    public const string CovariantReturnsOfClasses = nameof(CovariantReturnsOfClasses);
}
