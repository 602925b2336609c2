namespace System;

/// <summary>The standard <c>MissingMemberException</c>.</summary>
public class MissingMemberException : MemberAccessException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public MissingMemberException() : base("Attempted to access a missing member.") { }

    /// <summary>Creates the exception with a message.</summary>
    public MissingMemberException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MissingMemberException(string? message, Exception? inner) : base(message, inner) { }
}
