using Redox;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace MyDriver;

/// <summary>
/// <c>myscheme:</c> what a client writes goes out through the UART and, looped back, comes in again; a read returns
/// what came back (0 bytes when nothing is waiting). Only the operations the driver supports are overridden: every
/// other one answers as <see cref="SchemeBase"/> does (ENOSYS, EBADF).
/// </summary>
/// <typeparam name="TPort">The port-I/O back end of the UART.</typeparam>
[NoAlloc]
public sealed class MyDriverScheme<TPort> : SchemeBase
    where TPort : struct, IPortIo
{
    /// <summary>How many received bytes wait for a read at most; a write that would overflow them is cut short.</summary>
    public const int ReceiveCapacity = 256;

    private readonly MyDriverController<TPort> _uart;
    private readonly HandleTable<MyDriverState> _handles;
    private readonly byte[] _received = new byte[ReceiveCapacity];   // allocated once: the handlers allocate nothing
    private int _receivedCount;

    /// <summary>The scheme over <paramref name="uart"/>, with room for <paramref name="maxHandles"/> open handles.</summary>
    public MyDriverScheme(MyDriverController<TPort> uart, int maxHandles = 16)
    {
        _uart = uart;
        _handles = new HandleTable<MyDriverState>(maxHandles);
    }

    /// <summary>Sets the UART up (see <see cref="MyDriverController{TPort}.Initialize"/>); 0, ENODEV or EIO.</summary>
    public Errno Initialize() => _uart.Initialize();

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        if (!path.IsEmpty)
        {
            return Errno.ENOENT;                                     // the scheme is one file: "myscheme:"
        }
        var state = new MyDriverState { Flags = flags };
        return _handles.TryAdd(state, out ulong id) ? OpenResult.Handle(id) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref MyDriverState state = ref _handles.Get(id, out bool found);
        if (!found || (state.Flags & OpenFlags.AccessMode) == OpenFlags.ReadOnly)
        {
            return Errno.EBADF;
        }
        int sent = 0;
        while (sent < buffer.Length && _receivedCount < ReceiveCapacity)
        {
            if (!_uart.TrySend(buffer[sent]) || !_uart.TryReceive(out byte echoed))
            {
                return Errno.EIO;                                    // the device stopped answering
            }
            _received[_receivedCount++] = echoed;
            sent++;
        }
        // Nothing sent although there was something to send: the received bytes must be read first.
        return sent == 0 && !buffer.IsEmpty ? Errno.EAGAIN : SyscallResult.Ok((ulong)sent);
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref MyDriverState state = ref _handles.Get(id, out bool found);
        if (!found || (state.Flags & OpenFlags.AccessMode) == OpenFlags.WriteOnly)
        {
            return Errno.EBADF;
        }
        int n = buffer.Length < _receivedCount ? buffer.Length : _receivedCount;
        new ReadOnlySpan<byte>(_received, 0, n).CopyTo(buffer);
        new ReadOnlySpan<byte>(_received, n, _receivedCount - n).CopyTo(_received);   // keep the rest, in order
        _receivedCount -= n;
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
    {
        if (!_handles.Contains(id))
        {
            return Errno.EBADF;
        }
        ReadOnlySpan<byte> path = "myscheme:"u8;
        int n = path.Length < buffer.Length ? path.Length : buffer.Length;
        path.Slice(0, n).CopyTo(buffer);
        return SyscallResult.Ok((ulong)n);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
}
