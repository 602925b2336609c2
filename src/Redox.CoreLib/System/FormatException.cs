namespace System;

/// <summary>The standard <c>FormatException</c>.</summary>
public class FormatException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public FormatException() : base("One of the identified items was in an invalid format.") { }

    /// <summary>Creates the exception with a message.</summary>
    public FormatException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FormatException(string? message, Exception? innerException) : base(message, innerException) { }
}
