namespace System;

/// <summary>The standard <c>InvalidOperationException</c>.</summary>
public class InvalidOperationException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidOperationException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidOperationException(string? message, Exception? innerException) : base(message, innerException) { }
}
