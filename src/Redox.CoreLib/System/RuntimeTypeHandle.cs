namespace System;

/// <summary>An opaque handle ILC hands out for <c>ldtoken</c>.</summary>
public struct RuntimeTypeHandle
{
#pragma warning disable CS0169 // Layout contract with ILC: one pointer.
    private nint _value;
#pragma warning restore CS0169, CS0649
}
