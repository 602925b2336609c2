namespace Redox.Kernel.Processes;

/// <summary>
/// An open description: of a kernel scheme (<c>debug:</c>, the kernel log, or a read-only <c>initfs:</c> file) or of
/// a user scheme (its socket, or a handle its driver gave out).
/// Shared by the descriptors <c>dup</c> makes, so they share the offset, as open file descriptions do.
/// </summary>
public sealed unsafe class KernelFile : Ipc.IOpenDescription
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

    /// <summary>A description of user scheme <paramref name="scheme"/>: its socket, or handle <paramref name="handleId"/>.</summary>
    public KernelFile(KernelFileKind kind, uint flags, Schemes.UserScheme scheme, ulong handleId, bool positioned)
    {
        Kind = kind;
        Flags = flags;
        Scheme = scheme;
        HandleId = handleId;
        Positioned = positioned;
        References = 1;
    }

    /// <summary>A description of an <c>event:</c> queue.</summary>
    public KernelFile(KernelFileKind kind, uint flags, Schemes.EventQueue events)
    {
        Kind = kind;
        Flags = flags;
        Events = events;
        References = 1;
    }

    /// <summary>A kernel scheme's description naming <paramref name="kind"/> (a <c>memory:</c> handle kind).</summary>
    public KernelFile(KernelFileKind kernelScheme, uint flags, ulong kind)
    {
        Kind = kernelScheme;
        Flags = flags;
        HandleId = kind;
        References = 1;
    }

    /// <summary>A description of interrupt line <paramref name="line"/> (<c>irq:N</c>).</summary>
    public KernelFile(uint flags, int line)
    {
        Kind = KernelFileKind.Irq;
        Flags = flags;
        HandleId = (ulong)line;
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

    /// <summary>The read/write position; for <c>irq:</c> the interrupt count last acknowledged.</summary>
    public ulong Offset { get; set; }

    /// <summary>The user scheme of a socket or handle (it lives while a description refers to it).</summary>
    public Schemes.UserScheme? Scheme { get; }

    /// <summary>The queue of an <c>event:</c> description.</summary>
    public Schemes.EventQueue? Events { get; }

    /// <summary>The driver's id for this handle (what Open answered); for <c>irq:</c> the line.</summary>
    public ulong HandleId { get; }

    /// <summary>True when the kernel keeps the offset (the driver answered the open with NewFdFlags.Positioned).</summary>
    public bool Positioned { get; }

    /// <summary>Descriptors pointing here.</summary>
    public int References { get; set; }
}
