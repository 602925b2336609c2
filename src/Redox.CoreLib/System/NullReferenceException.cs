namespace System;

/// <summary>The standard <c>NullReferenceException</c>.</summary>
public class NullReferenceException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public NullReferenceException() : base("Object reference not set to an instance of an object.") { }

    /// <summary>Creates the exception with a message.</summary>
    public NullReferenceException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NullReferenceException(string? message, Exception? innerException) : base(message, innerException) { }
}
