namespace System;

/// <summary>The standard <c>PlatformNotSupportedException</c>.</summary>
public class PlatformNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { }

    /// <summary>Creates the exception with a message.</summary>
    public PlatformNotSupportedException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PlatformNotSupportedException(string? message, Exception? innerException) : base(message, innerException) { }
}
