namespace System;

/// <summary>The standard <c>InvalidCastException</c>.</summary>
public class InvalidCastException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public InvalidCastException() : base("Specified cast is not valid.") { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidCastException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidCastException(string? message, Exception? innerException) : base(message, innerException) { }
}
