namespace System;

/// <summary>A null argument where one is not allowed.</summary>
public class ArgumentNullException : ArgumentException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ArgumentNullException() : base("Value cannot be null.") { }

    /// <summary>Creates the exception naming the parameter.</summary>
    public ArgumentNullException(string? paramName) : base("Value cannot be null.") { }

    /// <summary>Creates the exception naming the parameter, with a message.</summary>
    public ArgumentNullException(string? paramName, string? message) : base(message) { }
}
