namespace System;

/// <summary>The standard <c>IndexOutOfRangeException</c>.</summary>
public class IndexOutOfRangeException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }

    /// <summary>Creates the exception with a message.</summary>
    public IndexOutOfRangeException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IndexOutOfRangeException(string? message, Exception? innerException) : base(message, innerException) { }
}
