namespace System;

/// <summary>The standard <c>ArrayTypeMismatchException</c>.</summary>
public class ArrayTypeMismatchException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ArrayTypeMismatchException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ArrayTypeMismatchException(string? message, Exception? innerException) : base(message, innerException) { }
}
