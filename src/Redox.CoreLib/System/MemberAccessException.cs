namespace System;

/// <summary>The standard <c>MemberAccessException</c>.</summary>
public class MemberAccessException : SystemException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public MemberAccessException() : base("Cannot access member.") { }

    /// <summary>Creates the exception with a message.</summary>
    public MemberAccessException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MemberAccessException(string? message, Exception? inner) : base(message, inner) { }
}
