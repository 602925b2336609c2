namespace System.Runtime.InteropServices;

/// <summary>How a type's fields are laid out.</summary>
public enum LayoutKind
{
    /// <summary>In declaration order.</summary>
    Sequential = 0,
    /// <summary>At the offsets given by <see cref="FieldOffsetAttribute"/>.</summary>
    Explicit = 2,
    /// <summary>As the runtime likes.</summary>
    Auto = 3,
}
