using System;
using Redox.Syscall;

namespace Samples.Drivers;

/// <summary>fpath helper: copies a fixed path into the caller's buffer, truncating like Redox.</summary>
public static class SchemePath
{
    /// <summary>Copies as much of <paramref name="path"/> as fits; the value is the count copied.</summary>
    public static SyscallResult Copy(ReadOnlySpan<byte> path, Span<byte> buffer)
    {
        int n = path.Length < buffer.Length ? path.Length : buffer.Length;
        path.Slice(0, n).CopyTo(buffer);
        return SyscallResult.Ok((ulong)n);
    }
}
