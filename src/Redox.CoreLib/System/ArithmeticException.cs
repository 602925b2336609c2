namespace System;

/// <summary>The standard <c>ArithmeticException</c>.</summary>
public class ArithmeticException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ArithmeticException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ArithmeticException(string? message, Exception? innerException) : base(message, innerException) { }
}
