using System;
using Redox;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// <c>ps2:</c> — <c>ps2:keyboard</c> streams <see cref="KeyEvent"/> records (24 bytes), <c>ps2:mouse</c> streams
/// <see cref="MouseEvent"/> records (16 bytes). A read returns as many whole records as fit (a buffer smaller
/// than one record: <c>EINVAL</c>); with nothing queued it answers <c>EAGAIN</c>, and the driver loop
/// (<see cref="Ps2Driver{TPort, TClock}"/>) turns that into a blocking read unless the descriptor has
/// <c>O_NONBLOCK</c>. <c>fevent</c> reports <c>EVENT_READ</c> while records wait, and every new record posts
/// readiness. Writing 4-byte <see cref="MouseSetting"/> records to <c>ps2:mouse</c> changes the sample rate or
/// the resolution. A device that did not initialise answers <c>ENODEV</c> on open.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
/// <typeparam name="TClock">Clock of the waits.</typeparam>
[NoAlloc]
public sealed class Ps2Scheme<TPort, TClock> : SchemeBase
    where TPort : struct, IPortIo
    where TClock : struct, IPs2Clock
{
    private readonly Ps2Driver<TPort, TClock> _driver;
    private readonly HandleTable<Ps2Handle> _handles;
    private readonly ulong[] _open;

    internal Ps2Scheme(Ps2Driver<TPort, TClock> driver, int maxHandles)
        : base(maxHandles < 1 ? 1 : maxHandles)
    {
        _driver = driver;
        _handles = new HandleTable<Ps2Handle>(maxHandles);
        _open = new ulong[_handles.Capacity];
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        Ps2Port device;
        if (path.SequenceEqual("keyboard"u8))
        {
            device = Ps2Port.First;
        }
        else if (path.SequenceEqual("mouse"u8))
        {
            device = Ps2Port.Second;
        }
        else
        {
            return Errno.ENOENT;
        }
        if (!(device == Ps2Port.First ? _driver.State.KeyboardReady : _driver.State.MouseReady))
        {
            return Errno.ENODEV;
        }
        if (!_handles.TryAdd(new Ps2Handle { Device = device }, out ulong id))
        {
            return Errno.EMFILE;
        }
        for (int i = 0; i < _open.Length; i++)
        {
            if (_open[i] == 0)
            {
                _open[i] = id;
                break;
            }
        }
        return OpenResult.Handle(id);
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref Ps2Handle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        int n;
        if (handle.Device == Ps2Port.First)
        {
            if (buffer.Length < KeyEvent.Size)
            {
                return Errno.EINVAL;
            }
            n = _driver.State.Keys.Pop(buffer);
        }
        else
        {
            if (buffer.Length < MouseEvent.Size)
            {
                return Errno.EINVAL;
            }
            n = _driver.State.Mouse.Pop(buffer);
        }
        return n == 0 ? Errno.EAGAIN : SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref Ps2Handle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        if (handle.Device != Ps2Port.Second || buffer.Length % 4 != 0)
        {
            return Errno.EINVAL;
        }
        for (int i = 0; i < buffer.Length; i += 4)
        {
            Ps2Error e = _driver.ApplyMouseSetting((MouseSetting)buffer[i], buffer[i + 1]);
            if (e == Ps2Error.InvalidArgument)
            {
                return i == 0 ? Errno.EINVAL : SyscallResult.Ok((ulong)i);
            }
            if (e != Ps2Error.None)
            {
                return i == 0 ? Errno.EIO : SyscallResult.Ok((ulong)i);
            }
        }
        return SyscallResult.Ok((ulong)buffer.Length);
    }

    /// <inheritdoc/>
    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
    {
        ref Ps2Handle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        int waiting = handle.Device == Ps2Port.First ? _driver.State.Keys.Count : _driver.State.Mouse.Count;
        return SyscallResult.Ok(waiting > 0 ? (ulong)(uint)(flags & EventFlags.Read) : 0);
    }

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
    {
        ref Ps2Handle handle = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        ReadOnlySpan<byte> path = handle.Device == Ps2Port.First ? "ps2:keyboard"u8 : "ps2:mouse"u8;
        int n = path.Length < buffer.Length ? path.Length : buffer.Length;
        path.Slice(0, n).CopyTo(buffer);
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
    {
        if (!_handles.Remove(id))
        {
            return Errno.EBADF;
        }
        for (int i = 0; i < _open.Length; i++)
        {
            if (_open[i] == id)
            {
                _open[i] = 0;
            }
        }
        return SyscallResult.Ok(0);
    }

    /// <summary>True when <paramref name="id"/> is an open handle.</summary>
    public bool IsOpen(ulong id) => _handles.Contains(id);

    /// <summary>Posts <c>EVENT_READ</c> to every open handle of <paramref name="device"/> (new records arrived).</summary>
    public void NotifyReadable(Ps2Port device)
    {
        for (int i = 0; i < _open.Length; i++)
        {
            ulong id = _open[i];
            if (id == 0)
            {
                continue;
            }
            ref Ps2Handle handle = ref _handles.Get(id, out bool found);
            if (found && handle.Device == device)
            {
                PostEvent(id, EventFlags.Read);
            }
        }
    }
}
