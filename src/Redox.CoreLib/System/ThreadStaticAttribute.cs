namespace System;

/// <summary>The compiler's and runtime's <c>ThreadStatic</c> marker.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class ThreadStaticAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public ThreadStaticAttribute() { }
}
