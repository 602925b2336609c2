using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// One open file description of a hosted process (what a descriptor number points at). Several descriptors may share
/// it (<c>dup(fd, "")</c>, as in Redox): they share the offset, and the scheme's handle is closed with the last one.
/// </summary>
public sealed class FileDescription : Redox.Kernel.Ipc.IOpenDescription
{
    /// <summary>What this refers to.</summary>
    public DescriptorKind Kind { get; init; }

    /// <summary>The scheme (for handles and sockets).</summary>
    public SchemeEndpoint? Endpoint { get; init; }

    /// <summary>The scheme's handle id (for handles).</summary>
    public ulong HandleId { get; init; }

    /// <summary>The open flags.</summary>
    public OpenFlags Flags { get; init; }

    /// <summary>True when the kernel keeps the offset (the scheme answered <see cref="NewFdFlags.Positioned"/>).</summary>
    public bool Positioned { get; init; }

    /// <summary>The current offset of a positioned handle.</summary>
    public ulong Offset { get; set; }

    /// <summary>The queue (for <c>event:</c> descriptors).</summary>
    public EventQueue? Events { get; init; }

    /// <summary>Descriptors referring to this description (the last close releases it).</summary>
    internal int References = 1;

    /// <inheritdoc/>
    int Redox.Kernel.Ipc.IOpenDescription.References
    {
        get => References;
        set => References = value;
    }
}
