using System;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The hosted kernel's <c>irq:</c> scheme, with the real kernel's rules because it runs the real kernel's
/// <see cref="IrqLineTable{TMask}"/>: <c>irq:N</c> for lines 1-15 except 2 (else ENOENT); a read of fewer than 8 bytes
/// is EINVAL, a read with nothing new blocks (EAGAIN with O_NONBLOCK, ETIMEDOUT after the kernel's
/// <see cref="HostedKernel.CallTimeoutMs"/>) and otherwise gives the count; writing the current count back acknowledges
/// and unmasks the line (8 bytes taken), a stale count takes 0 bytes and leaves it masked; an interrupt counted is
/// EVENT_READ for the <c>event:</c> queues that watch the line. What the host adds is the interrupt controller: an edge
/// (<see cref="Raise"/>, from a device model through <see cref="HostedKernel.Interrupts"/>) that finds its line masked
/// is latched, as the 8259's request register latches it, and delivered when the line is unmasked. Grants are not
/// modelled (the hosted kernel grants no ports either): every process may open every line.
/// </summary>
internal sealed unsafe class HostedIrq
{
    private readonly HostedKernel _kernel;
    private readonly IrqLineTable<Controller> _lines = new(default);
    private readonly object _gate = new();
    private uint _latched;

    public HostedIrq(HostedKernel kernel)
    {
        _kernel = kernel;
    }

    /// <summary>Interrupts counted on <paramref name="line"/>.</summary>
    public ulong CountOf(int line)
    {
        lock (_gate)
        {
            return _lines.CountOf(line);
        }
    }

    /// <summary>True while <paramref name="line"/> is masked (nobody has it open, or an interrupt waits for its acknowledgement).</summary>
    public bool IsMasked(int line)
    {
        lock (_gate)
        {
            return (uint)line >= IrqLineRules.Count || _lines.IsMasked(line);
        }
    }

    /// <summary>open("irq:N").</summary>
    public SyscallResult Open(HostedProcess process, ReadOnlySpan<byte> path, OpenFlags flags)
    {
        Errno refused = IrqLineRules.Check(path, IrqLineRules.AllLines, out int line);
        if (refused != 0)
        {
            return refused;
        }
        var irq = new FileDescription { Kind = DescriptorKind.Irq, HandleId = (ulong)line, Flags = flags };
        bool delivered;
        lock (_gate)
        {
            irq.Offset = _lines.Open(line);
            delivered = DeliverLatched(line);
        }
        Post(delivered, line);
        if (process.TryAddDescriptor(irq, out ulong fd))
        {
            return SyscallResult.Ok(fd);
        }
        Release(irq);
        return Errno.EMFILE;
    }

    /// <summary>An edge on <paramref name="line"/> (0-31; lines beyond the 8259 pair's reach nothing).</summary>
    public void Raise(int line)
    {
        if ((uint)line >= IrqLineRules.Count)
        {
            return;
        }
        bool counted;
        lock (_gate)
        {
            if (_lines.IsMasked(line))
            {
                _latched |= 1u << line;
                return;
            }
            counted = _lines.Raise(line);
            if (counted)
            {
                Monitor.PulseAll(_gate);
            }
        }
        Post(counted, line);
    }

    /// <summary>read(irq, buf).</summary>
    public SyscallResult Read(FileDescription irq, Span<byte> destination)
    {
        if (destination.Length < sizeof(ulong))
        {
            return Errno.EINVAL;
        }
        int line = (int)irq.HandleId;
        ulong count;
        lock (_gate)
        {
            long deadline = Environment.TickCount64 + _kernel.CallTimeoutMs;
            while (!_lines.HasNew(line, irq.Offset))
            {
                if ((irq.Flags & OpenFlags.NonBlock) != 0)
                {
                    return Errno.EAGAIN;
                }
                int remaining = _kernel.CallTimeoutMs < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
                if (remaining == 0 || !Monitor.Wait(_gate, remaining))
                {
                    return Errno.ETIMEDOUT;
                }
            }
            count = _lines.CountOf(line);
        }
        BitConverter.TryWriteBytes(destination, count);
        return SyscallResult.Ok(sizeof(ulong));
    }

    /// <summary>write(irq, count): the acknowledgement.</summary>
    public SyscallResult Acknowledge(FileDescription irq, ReadOnlySpan<byte> source)
    {
        if (source.Length < sizeof(ulong))
        {
            return Errno.EINVAL;
        }
        ulong count = BitConverter.ToUInt64(source);
        int line = (int)irq.HandleId;
        bool delivered;
        lock (_gate)
        {
            if (!_lines.Acknowledge(line, count))
            {
                return SyscallResult.Ok(0);
            }
            irq.Offset = count;
            delivered = DeliverLatched(line);
        }
        Post(delivered, line);
        return SyscallResult.Ok(sizeof(ulong));
    }

    /// <summary>Readiness of an irq description for an event queue that starts watching it.</summary>
    public EventFlags Readiness(FileDescription irq)
    {
        lock (_gate)
        {
            return (EventFlags)_lines.Readiness((int)irq.HandleId, irq.Offset);
        }
    }

    /// <summary>The last descriptor of an irq description closed.</summary>
    public void Release(FileDescription irq)
    {
        lock (_gate)
        {
            _lines.Release((int)irq.HandleId);
        }
    }

    /// <summary>fpath of an irq handle: <c>irq:N</c>.</summary>
    public static SyscallResult Fpath(FileDescription irq, nuint buffer, nuint length)
    {
        ReadOnlySpan<byte> path = System.Text.Encoding.ASCII.GetBytes("irq:" + irq.HandleId);
        int count = (int)Math.Min((ulong)path.Length, (ulong)length);
        if (count != 0 && buffer == 0)
        {
            return Errno.EFAULT;
        }
        path.Slice(0, count).CopyTo(new Span<byte>((void*)buffer, count));
        return SyscallResult.Ok((ulong)count);
    }

    // The line was just unmasked (open, acknowledgement): an edge latched meanwhile is delivered now, as the 8259 does.
    private bool DeliverLatched(int line)
    {
        if (_lines.IsMasked(line) || (_latched & (1u << line)) == 0)
        {
            return false;
        }
        _latched &= ~(1u << line);
        bool counted = _lines.Raise(line);
        if (counted)
        {
            Monitor.PulseAll(_gate);
        }
        return counted;
    }

    // Outside the lock, as the time: deadlines are: queues watching the line get EVENT_READ.
    private void Post(bool counted, int line)
    {
        if (counted)
        {
            _kernel.PostIrq(line);
        }
    }

    /// <summary>
    /// The hosted 8259's mask register is the table's own record of it (<see cref="IrqLineTable{TMask}.IsMasked"/>);
    /// what the host adds, the request latch, is <see cref="HostedIrq"/>'s, checked after each unmask.
    /// </summary>
    private struct Controller : IInterruptMask
    {
        public void Mask(int line)
        {
        }

        public void Unmask(int line)
        {
        }
    }
}
