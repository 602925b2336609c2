namespace System;

/// <summary>An opaque handle ILC hands out for <c>ldtoken</c>.</summary>
public struct RuntimeFieldHandle
{
    private nint _value;

    internal RuntimeFieldHandle(nint value) => _value = value;

    /// <summary>The raw handle.</summary>
    public nint Value => _value;
}
