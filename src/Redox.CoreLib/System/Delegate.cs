namespace System;

/// <summary>
/// The base of every delegate. Its fields are the layout ILC expects; creating or invoking a delegate is not
/// supported on bare metal yet (see LIMITS.md).
/// </summary>
public abstract class Delegate
{
#pragma warning disable CS0169, CS0649 // Layout contract with ILC.
    internal object? m_firstParameter;
    internal object? m_helperObject;
    internal nint m_extraFunctionPointerOrData;
    internal nint m_functionPointer;
#pragma warning restore CS0169, CS0649
}
