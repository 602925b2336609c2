namespace System;

/// <summary>The standard <c>SystemException</c>.</summary>
public class SystemException : Exception
{
    /// <summary>Creates the exception with its standard message.</summary>
    public SystemException() : base("System error.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SystemException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SystemException(string? message, Exception? innerException) : base(message, innerException) { }
}
