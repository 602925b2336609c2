namespace System;

/// <summary>The standard <c>MissingMethodException</c> (<see cref="Activator.CreateInstance{T}"/> of a type without a parameterless constructor).</summary>
public class MissingMethodException : MissingMemberException
{
    /// <summary>Creates the exception with its standard message.</summary>
    public MissingMethodException() : base("Attempted to access a missing method.") { }

    /// <summary>Creates the exception with a message.</summary>
    public MissingMethodException(string? message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MissingMethodException(string? message, Exception? inner) : base(message, inner) { }
}
