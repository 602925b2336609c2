namespace System;

/// <summary>The standard <c>OutOfMemoryException</c>.</summary>
public class OutOfMemoryException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { }

    /// <summary>Creates the exception with a message.</summary>
    public OutOfMemoryException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public OutOfMemoryException(string? message, Exception? innerException) : base(message, innerException) { }
}
