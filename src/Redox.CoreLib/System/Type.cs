namespace System;

/// <summary>A type. Bare metal keeps no reflection metadata, so only identity is available.</summary>
public abstract class Type
{
    /// <summary>Creates a type object.</summary>
    protected Type() { }
}
