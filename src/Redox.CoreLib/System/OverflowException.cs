namespace System;

/// <summary>The standard <c>OverflowException</c>.</summary>
public class OverflowException : ArithmeticException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }

    /// <summary>Creates the exception with a message.</summary>
    public OverflowException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public OverflowException(string? message, Exception? innerException) : base(message, innerException) { }
}
