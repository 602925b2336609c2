namespace Internal.Runtime;

/// <summary>
/// A method as ILC 10 names it in the native layout blob: flags, the code's native references index (when the flags
/// say so), the owning type's signature, the method's metadata handle, then the type arguments' signatures (count
/// first, when the flags say so). Templates name their canonical form (<c>Weigh&lt;__Canon&gt;</c> of
/// <c>PlainShelf</c>, with its code); dictionary slots name what shared code calls, in terms of its own generic
/// parameters (<c>Scales.Measure&lt;!!0&gt;</c>).
/// </summary>
internal unsafe struct NativeMethodEntry
{
    /// <summary>The entry's flags (<see cref="NativeLayout.HasInstantiationFlag"/>, <see cref="NativeLayout.HasFunctionPointerFlag"/>).</summary>
    public uint Flags;

    /// <summary>The native references index of the method's code; meaningful with <see cref="NativeLayout.HasFunctionPointerFlag"/>.</summary>
    public uint FunctionPointer;

    /// <summary>The owning type's signature.</summary>
    public byte* OwningType;

    /// <summary>The method's metadata handle (unique within its owning type's definition).</summary>
    public uint Method;

    /// <summary>How many type arguments the method has (0 without <see cref="NativeLayout.HasInstantiationFlag"/>).</summary>
    public uint ArgumentCount;

    /// <summary>The first type argument's signature; the others follow it in the stream.</summary>
    public byte* Arguments;

    /// <summary>True when the entry carries the method's code.</summary>
    public bool HasFunctionPointer => (Flags & NativeLayout.HasFunctionPointerFlag) != 0;

    /// <summary>Reads the entry at <paramref name="position"/> and moves past it.</summary>
    public static NativeMethodEntry Read(ref byte* position)
    {
        NativeMethodEntry entry = default;
        entry.Flags = NativeFormatReader.ReadUnsigned(ref position);
        if (entry.HasFunctionPointer) entry.FunctionPointer = NativeFormatReader.ReadUnsigned(ref position);
        entry.OwningType = NativeLayout.Locate(ref position);
        entry.Method = NativeFormatReader.ReadUnsigned(ref position);
        if ((entry.Flags & NativeLayout.HasInstantiationFlag) != 0)
        {
            entry.ArgumentCount = NativeFormatReader.ReadUnsigned(ref position);
            entry.Arguments = position;
            for (uint i = 0; i < entry.ArgumentCount; i++) NativeLayout.Skip(ref position);
        }
        return entry;
    }
}
