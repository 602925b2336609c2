namespace System;

/// <summary>An opaque handle ILC hands out for <c>ldtoken</c>.</summary>
public struct RuntimeMethodHandle
{
    private nint _value;

    internal RuntimeMethodHandle(nint value) => _value = value;

    /// <summary>The raw handle.</summary>
    public nint Value => _value;
}
