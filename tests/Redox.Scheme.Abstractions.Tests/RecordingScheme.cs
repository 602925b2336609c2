using System;
using System.Text;
using Redox.Syscall;

namespace Redox.Scheme.Tests;

/// <summary>A test scheme that accepts handle 1 for everything and records what it saw.</summary>
public sealed class RecordingScheme : SchemeBase
{
    public int Calls;
    public string? LastPath;
    public OpenFlags LastOpenFlags;
    public CallerContext LastCaller;

    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        Calls++;
        LastPath = Encoding.UTF8.GetString(path);
        LastOpenFlags = flags;
        LastCaller = caller;
        return OpenResult.Handle(1, NewFdFlags.Positioned);
    }

    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        Calls++;
        if (id != 1)
        {
            return Errno.EBADF;
        }
        buffer.Fill(0x42);
        return SyscallResult.Ok((ulong)buffer.Length);
    }

    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        Calls++;
        return id == 1 ? SyscallResult.Ok((ulong)buffer.Length) : Errno.EBADF;
    }

    public override SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller)
    {
        Calls++;
        stat.Size = 4242;
        return id == 1 ? SyscallResult.Ok(0) : Errno.EBADF;
    }
}
