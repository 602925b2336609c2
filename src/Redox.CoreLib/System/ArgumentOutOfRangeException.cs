namespace System;

/// <summary>An argument outside the allowed range.</summary>
public class ArgumentOutOfRangeException : ArgumentException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }

    /// <summary>Creates the exception naming the parameter.</summary>
    public ArgumentOutOfRangeException(string? paramName) : base("Specified argument was out of the range of valid values.") { }

    /// <summary>Creates the exception naming the parameter, with a message.</summary>
    public ArgumentOutOfRangeException(string? paramName, string? message) : base(message) { }
}
