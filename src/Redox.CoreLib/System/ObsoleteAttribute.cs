namespace System;

/// <summary>Marks an API that should no longer be used.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class ObsoleteAttribute : Attribute
{
    /// <summary>Marks without a message.</summary>
    public ObsoleteAttribute() { }

    /// <summary>Marks with a message.</summary>
    public ObsoleteAttribute(string? message) { Message = message; }

    /// <summary>Marks with a message, optionally as an error.</summary>
    public ObsoleteAttribute(string? message, bool error) { Message = message; IsError = error; }

    /// <summary>Why the API is obsolete.</summary>
    public string? Message { get; }

    /// <summary>Whether use is an error.</summary>
    public bool IsError { get; }
}
