namespace System;

/// <summary>
/// The base of every exception. On bare metal there is no unwinder yet: a <c>throw</c> reaches
/// <see cref="Internal.Runtime.CompilerHelpers.ExceptionHandling"/>, which panics with the type and message.
/// </summary>
public class Exception
{
    private readonly string? _message;
    private readonly Exception? _innerException;

    /// <summary>Creates an exception with no message.</summary>
    public Exception() { }

    /// <summary>Creates an exception with a message.</summary>
    public Exception(string? message) { _message = message; }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        _innerException = innerException;
    }

    /// <summary>What went wrong.</summary>
    public virtual string Message => _message ?? "Exception of type 'System.Exception' was thrown.";

    /// <summary>The exception that caused this one.</summary>
    public Exception? InnerException => _innerException;
}
