using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// The answer to open, openat and dup: a new handle id (or an error) and the <see cref="NewFdFlags"/>
/// the kernel should apply (<see cref="NewFdFlags.Positioned"/>: seekable, the kernel keeps the offset).
/// </summary>
public readonly struct OpenResult
{
    /// <summary>The handle id, or the error.</summary>
    public readonly SyscallResult Result;

    /// <summary>Flags for the new descriptor.</summary>
    public readonly NewFdFlags Flags;

    /// <summary>A result with flags.</summary>
    public OpenResult(SyscallResult result, NewFdFlags flags)
    {
        Result = result;
        Flags = flags;
    }

    /// <summary>A new handle <paramref name="id"/> with <paramref name="flags"/>.</summary>
    public static OpenResult Handle(ulong id, NewFdFlags flags = NewFdFlags.None) => new(SyscallResult.Ok(id), flags);

    /// <summary>Lets a driver write <c>return Errno.ENOENT;</c>.</summary>
    public static implicit operator OpenResult(Errno errno) => new(SyscallResult.Err(errno), NewFdFlags.None);

    /// <summary>A plain result without flags.</summary>
    public static implicit operator OpenResult(SyscallResult result) => new(result, NewFdFlags.None);
}
