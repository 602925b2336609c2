namespace System.Runtime.CompilerServices;

/// <summary>
/// The first byte of an object's data, after its MethodTable pointer: ILC names it (by name) in the unboxing stubs it
/// generates, e.g. for a generic struct's parameterless constructor that a <c>new()</c> constraint makes
/// reflection-visible (<c>--scanreflection</c>).
/// </summary>
internal sealed class RawData
{
    /// <summary>The data's first byte.</summary>
    public byte Data;
}
