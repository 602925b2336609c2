namespace System;

/// <summary>The standard <c>ArgumentException</c>.</summary>
public class ArgumentException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ArgumentException() : base("Value does not fall within the expected range.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ArgumentException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ArgumentException(string? message, Exception? innerException) : base(message, innerException) { }
}
