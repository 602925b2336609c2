namespace System;

/// <summary>The standard <c>DivideByZeroException</c>.</summary>
public class DivideByZeroException : ArithmeticException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public DivideByZeroException() : base("Attempted to divide by zero.") { }

    /// <summary>Creates the exception with a message.</summary>
    public DivideByZeroException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DivideByZeroException(string? message, Exception? innerException) : base(message, innerException) { }
}
