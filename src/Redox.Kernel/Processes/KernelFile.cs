namespace Redox.Kernel.Processes;

/// <summary>
/// An open description of a kernel scheme: <c>debug:</c> (the kernel log) or a read-only <c>initfs:</c> file.
/// Shared by the descriptors <c>dup</c> makes, so they share the offset, as open file descriptions do.
/// </summary>
public sealed unsafe class KernelFile
{
    /// <summary>Creates a description with one reference.</summary>
    public KernelFile(KernelFileKind kind, uint flags, byte* data, ulong length, byte* path, int pathLength)
    {
        Kind = kind;
        Flags = flags;
        Data = data;
        Length = length;
        Path = path;
        PathLength = pathLength;
        References = 1;
    }

    /// <summary>Which scheme.</summary>
    public KernelFileKind Kind { get; }

    /// <summary>The O_* flags it was opened with (fcntl F_GETFL/F_SETFL change the status bits).</summary>
    public uint Flags { get; set; }

    /// <summary>The bytes of an initfs file (in the boot module, never freed).</summary>
    public byte* Data { get; }

    /// <summary>Length of <see cref="Data"/>.</summary>
    public ulong Length { get; }

    /// <summary>The path inside the scheme, for fpath (in the boot module or a static).</summary>
    public byte* Path { get; }

    /// <summary>Bytes of <see cref="Path"/>.</summary>
    public int PathLength { get; }

    /// <summary>The read/write position.</summary>
    public ulong Offset { get; set; }

    /// <summary>Descriptors pointing here.</summary>
    public int References { get; set; }
}
