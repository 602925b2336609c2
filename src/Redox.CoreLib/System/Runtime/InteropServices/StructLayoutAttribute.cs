namespace System.Runtime.InteropServices;

/// <summary>Controls a type's field layout (a pseudo-attribute the compiler turns into metadata).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StructLayoutAttribute : Attribute
{
    /// <summary>Creates the layout.</summary>
    public StructLayoutAttribute(LayoutKind layoutKind) { Value = layoutKind; }

    /// <summary>The layout kind.</summary>
    public LayoutKind Value { get; }

    /// <summary>Field alignment.</summary>
    public int Pack;

    /// <summary>Total size.</summary>
    public int Size;

    /// <summary>String marshalling.</summary>
    public CharSet CharSet;
}
