namespace System;

/// <summary>The base of every attribute.</summary>
[AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
public abstract class Attribute
{
    /// <summary>Creates an attribute.</summary>
    protected Attribute() { }
}
