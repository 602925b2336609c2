using System;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Testing.Tests;

/// <summary>
/// echo: what you write, you read back (one buffer per handle). Posts EVENT_READ when data arrives.
/// Can be told to throw or hang inside read, to play a crashing or stuck driver.
/// </summary>
public sealed class EchoScheme : SchemeBase
{
    private struct State
    {
        public int Length;
    }

    private readonly HandleTable<State> _handles = new(16);
    private readonly byte[][] _data = new byte[17][];

    public volatile bool CrashOnRead;
    public volatile bool HangOnRead;

    public EchoScheme()
    {
        for (int i = 0; i < _data.Length; i++)
        {
            _data[i] = new byte[256];
        }
    }

    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (path.SequenceEqual("missing"u8))
        {
            return Errno.ENOENT;
        }
        return _handles.TryAdd(default, out ulong id) ? OpenResult.Handle(id) : Errno.EMFILE;
    }

    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        if (CrashOnRead)
        {
            throw new InvalidOperationException("driver bug");
        }
        while (HangOnRead)
        {
            System.Threading.Thread.Sleep(5);
        }
        ref State s = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        int n = Math.Min(s.Length, buffer.Length);
        _data[id & 0xFFFF].AsSpan(0, n).CopyTo(buffer);
        s.Length = 0;
        return SyscallResult.Ok((ulong)n);
    }

    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref State s = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        int n = Math.Min(buffer.Length, 256);
        buffer.Slice(0, n).CopyTo(_data[id & 0xFFFF]);
        s.Length = n;
        PostEvent(id, EventFlags.Read);
        return SyscallResult.Ok((ulong)n);
    }

    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
    {
        ref State s = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        return SyscallResult.Ok((ulong)(s.Length > 0 ? flags & EventFlags.Read : EventFlags.None));
    }

    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
