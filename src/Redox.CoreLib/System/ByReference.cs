namespace System;

/// <summary>
/// A reference in a field. ILC names its <c>Value</c> field in the invoke stubs it emits when reflection metadata is
/// on (see <c>Internal.Metadata.NativeFormat</c>); nothing else uses it.
/// </summary>
internal readonly ref struct ByReference
{
    /// <summary>The reference.</summary>
#pragma warning disable CS9265 // only ILC's stubs read it, and nothing here creates one
    public readonly ref byte Value;
#pragma warning restore CS9265
}
