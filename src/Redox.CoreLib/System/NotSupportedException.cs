namespace System;

/// <summary>The standard <c>NotSupportedException</c>.</summary>
public class NotSupportedException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public NotSupportedException() : base("Specified method is not supported.") { }

    /// <summary>Creates the exception with a message.</summary>
    public NotSupportedException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NotSupportedException(string? message, Exception? innerException) : base(message, innerException) { }
}
