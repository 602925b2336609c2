namespace Redox.Conformance;

/// <summary>What a handle of <see cref="ConformanceScheme"/> is.</summary>
public enum ConformanceHandleKind : byte
{
    /// <summary><c>conf:file</c>: the one shared, positioned file.</summary>
    File,

    /// <summary><c>conf:stats</c>: reads return <see cref="ConformanceStats"/>.</summary>
    Stats,

    /// <summary><c>conf:echo/...</c>: remembers its path (fpath gives it back) and nothing else.</summary>
    Echo,
}

/// <summary>Per-handle state of <see cref="ConformanceScheme"/>, stored inline in its handle table.</summary>
public unsafe struct ConformanceHandle
{
    /// <summary>The longest path an echo handle keeps.</summary>
    public const int MaxPath = 48;

    /// <summary>What the handle is.</summary>
    public ConformanceHandleKind Kind;

    /// <summary>The open flags (F_GETFL answers them; F_SETFL replaces the non-access bits).</summary>
    public uint Flags;

    /// <summary>Bytes of <see cref="Path"/> in use.</summary>
    public int PathLength;

    /// <summary>The path after <c>conf:</c>, for fpath.</summary>
    public fixed byte Path[MaxPath];
}
