using System;
using Redox.Syscall;

namespace Redox.Drivers.Lpc.Text;

/// <summary>Serves a piece of generated text as a positioned file: reads from an offset.</summary>
public static class TextFile
{
    /// <summary>Copies <paramref name="text"/> from <paramref name="offset"/> into <paramref name="buffer"/>; the value is the count (0 at the end).</summary>
    public static SyscallResult Copy(ReadOnlySpan<byte> text, Span<byte> buffer, ulong offset)
    {
        if (offset >= (ulong)text.Length)
        {
            return SyscallResult.Ok(0);
        }
        ReadOnlySpan<byte> rest = text.Slice((int)offset);
        int n = rest.Length < buffer.Length ? rest.Length : buffer.Length;
        rest.Slice(0, n).CopyTo(buffer);
        return SyscallResult.Ok((ulong)n);
    }
}
