namespace System;

/// <summary>The standard <c>NotImplementedException</c>.</summary>
public class NotImplementedException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public NotImplementedException() : base("The method or operation is not implemented.") { }

    /// <summary>Creates the exception with a message.</summary>
    public NotImplementedException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NotImplementedException(string? message, Exception? innerException) : base(message, innerException) { }
}
