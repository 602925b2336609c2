using System;
using Redox;
using Redox.Drivers.Lpc.Text;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// <c>serial:</c> the UARTs this driver owns (COM2-COM4; COM1 is the kernel's log and is never touched).
/// <list type="bullet">
/// <item><c>serial:comN</c>: the byte stream. Reads take what the interrupt received (<c>EAGAIN</c> when nothing
/// is waiting: wait with <c>fevent</c>/an event queue for <c>EVENT_READ</c>); writes queue what fits
/// (<c>EAGAIN</c> when the buffer is full, then <c>EVENT_WRITE</c> says when there is room).</item>
/// <item><c>serial:comN/config</c>: reading gives "comN 16550A 115200 8N1 selftest=pass dropped=0 errors=0";
/// writing "9600 7E1" changes the line (<c>EINVAL</c> for impossible settings such as baud 0 or 9 data bits).</item>
/// </list>
/// A port that stops answering makes its handles answer <c>EIO</c>.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
[NoAlloc]
public sealed class SerialScheme<TPort> : SchemeBase
    where TPort : struct, IPortIo
{
    private readonly UartPort<TPort>?[] _ports;
    private readonly byte[] _numbers;
    private readonly HandleTable<SerialState> _handles;
    private readonly ulong[] _watchers;
    private readonly int[] _watcherPorts;
    private readonly byte[] _text;

    /// <summary>
    /// A scheme with room for up to 4 ports (add them with <see cref="AddPort"/>) and <paramref name="maxHandles"/> handles.
    /// </summary>
    public SerialScheme(int maxHandles = 32)
    {
        _ports = new UartPort<TPort>?[4];
        _numbers = new byte[4];
        _handles = new HandleTable<SerialState>(maxHandles);
        _watchers = new ulong[maxHandles];
        _watcherPorts = new int[maxHandles];
        _text = new byte[160];
    }

    /// <summary>
    /// Serves <paramref name="port"/> as <c>comN</c> (<paramref name="number"/> 2-4). <c>EACCES</c> for COM1 (the
    /// kernel's), <c>EINVAL</c> for other numbers, <c>EEXIST</c> when taken, <c>ENOSPC</c> when full.
    /// </summary>
    public Errno AddPort(int number, UartPort<TPort> port)
    {
        if (number == 1 || port.Controller.Base == UartController<TPort>.Com1)
        {
            return Errno.EACCES;
        }
        if (number < 2 || number > 4)
        {
            return Errno.EINVAL;
        }
        int free = -1;
        for (int i = 0; i < _ports.Length; i++)
        {
            if (_ports[i] != null && _numbers[i] == number)
            {
                return Errno.EEXIST;
            }
            if (_ports[i] == null && free < 0)
            {
                free = i;
            }
        }
        if (free < 0)
        {
            return Errno.ENOSPC;
        }
        _ports[free] = port;
        _numbers[free] = (byte)number;
        return 0;
    }

    /// <summary>Whether COM<paramref name="number"/> is one of the ports served.</summary>
    public bool Serves(int number) => IndexOf(number) >= 0;

    /// <summary>
    /// Services the interrupt of every port (the IRQ may be shared) and posts readiness to the handles waiting
    /// on them. Call it when the driver's <c>irq:</c> handle fires, then acknowledge the IRQ.
    /// </summary>
    public UartEvents OnInterrupt()
    {
        var all = UartEvents.None;
        for (int i = 0; i < _ports.Length; i++)
        {
            UartPort<TPort>? port = _ports[i];
            if (port == null)
            {
                continue;
            }
            UartEvents events = port.OnInterrupt();
            all |= events;
            EventFlags flags = 0;
            if ((events & (UartEvents.Readable | UartEvents.Failed)) != 0)
            {
                flags |= EventFlags.Read;
            }
            if ((events & (UartEvents.Writable | UartEvents.Failed)) != 0)
            {
                flags |= EventFlags.Write;
            }
            if (flags != 0)
            {
                for (int w = 0; w < _watchers.Length; w++)
                {
                    if (_watchers[w] != 0 && _watcherPorts[w] == i)
                    {
                        PostEvent(_watchers[w], flags);
                    }
                }
            }
        }
        return all;
    }

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        // "comN" or "comN/config"
        if (path.Length < 4 || path[0] != 'c' || path[1] != 'o' || path[2] != 'm')
        {
            return Errno.ENOENT;
        }
        int number = path[3] - '0';
        bool config = false;
        if (path.Length > 4)
        {
            if (!path.Slice(4).SequenceEqual("/config"u8))
            {
                return Errno.ENOENT;
            }
            config = true;
        }
        if (number == 1)
        {
            return Errno.EACCES; // the kernel's log
        }
        if (number < 2 || number > 4)
        {
            return Errno.ENOENT;
        }
        int index = IndexOf(number);
        if (index < 0)
        {
            return Errno.ENODEV; // a COM port of the PC, but no UART answered there
        }
        var state = new SerialState { Port = index, Config = config };
        if (!_handles.TryAdd(state, out ulong id))
        {
            return Errno.EMFILE;
        }
        return OpenResult.Handle(id, config ? NewFdFlags.Positioned : NewFdFlags.None);
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref SerialState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        UartPort<TPort> port = _ports[state.Port]!;
        if (state.Config)
        {
            return TextFile.Copy(Describe(state.Port), buffer, offset);
        }
        SyscallResult read = port.Read(buffer);
        return read.IsOk && read.Value == 0 && !buffer.IsEmpty ? Errno.EAGAIN : read;
    }

    /// <inheritdoc/>
    public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref SerialState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        UartPort<TPort> port = _ports[state.Port]!;
        if (state.Config)
        {
            if (!SerialText.TryParse(buffer, out LineSettings settings))
            {
                return Errno.EINVAL;
            }
            Errno error = port.Configure(settings);
            return error != 0 ? error : SyscallResult.Ok((ulong)buffer.Length);
        }
        if (buffer.IsEmpty)
        {
            return SyscallResult.Ok(0);
        }
        SyscallResult written = port.Write(buffer);
        return written.IsOk && written.Value == 0 ? Errno.EAGAIN : written;
    }

    /// <inheritdoc/>
    public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
    {
        ref SerialState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        Watch(id, state.Port);
        UartPort<TPort> port = _ports[state.Port]!;
        EventFlags ready = 0;
        if (port.Failed || state.Config || port.Available > 0)
        {
            ready |= EventFlags.Read;
        }
        if (port.Failed || state.Config || port.TransmitRoom > 0)
        {
            ready |= EventFlags.Write;
        }
        return SyscallResult.Ok((ulong)(ready & flags));
    }

    /// <inheritdoc/>
    public override SyscallResult Fpath(ulong id, Span<byte> buffer, in CallerContext caller)
    {
        ref SerialState state = ref _handles.Get(id, out bool found);
        if (!found)
        {
            return Errno.EBADF;
        }
        var writer = new AsciiWriter(buffer);
        writer.Text("serial:com"u8);
        writer.Decimal(_numbers[state.Port]);
        if (state.Config)
        {
            writer.Text("/config"u8);
        }
        return SyscallResult.Ok((ulong)writer.Length);
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
    {
        for (int w = 0; w < _watchers.Length; w++)
        {
            if (_watchers[w] == id)
            {
                _watchers[w] = 0;
            }
        }
        return _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;
    }

    private int IndexOf(int number)
    {
        for (int i = 0; i < _ports.Length; i++)
        {
            if (_ports[i] != null && _numbers[i] == number)
            {
                return i;
            }
        }
        return -1;
    }

    private void Watch(ulong id, int port)
    {
        int free = -1;
        for (int w = 0; w < _watchers.Length; w++)
        {
            if (_watchers[w] == id)
            {
                return;
            }
            if (_watchers[w] == 0 && free < 0)
            {
                free = w;
            }
        }
        if (free >= 0)
        {
            _watchers[free] = id;
            _watcherPorts[free] = port;
        }
    }

    private ReadOnlySpan<byte> Describe(int index)
    {
        UartPort<TPort> port = _ports[index]!;
        var writer = new AsciiWriter(_text);
        writer.Text("com"u8);
        writer.Decimal(_numbers[index]);
        writer.Byte((byte)' ');
        writer.Text(SerialText.KindName(port.Kind));
        writer.Byte((byte)' ');
        SerialText.Format(ref writer, port.Settings);
        writer.Text(port.SelfTestPassed ? " selftest=pass"u8 : " selftest=fail"u8);
        writer.Text(port.Failed ? " state=failed"u8 : " state=ok"u8);
        writer.Text(" dropped="u8);
        writer.Decimal(port.Dropped);
        writer.Text(" errors="u8);
        writer.Decimal(port.LineErrors);
        writer.Byte((byte)'\n');
        return new ReadOnlySpan<byte>(_text, 0, writer.Length);
    }
}
