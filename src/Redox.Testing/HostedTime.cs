using System;
using System.Diagnostics;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Kernel.Syscalls;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The hosted kernel's <c>time:</c> scheme, with the real kernel's rules: <c>time:N</c> for CLOCK_REALTIME (1) or
/// CLOCK_MONOTONIC (4), else ENOENT; a read fills whole <see cref="TimeSpec"/>s (at most 16) with the clock's time;
/// each <see cref="TimeSpec"/> written is an absolute deadline after which the handle is readable for <c>event:</c>
/// queues; malformed deadlines are EINVAL, no room ENOSPC, a closed handle's deadlines go with it. The pending
/// deadlines are the kernel's own <see cref="TimeoutTable{TFile}"/> (in nanoseconds here, timer ticks there); a host
/// timer checks them every millisecond while any is pending. Monotonic time counts from the kernel's creation.
/// </summary>
internal sealed unsafe class HostedTime : IDisposable
{
    private const int MaxPerRead = 16;
    private const long NanosecondsPerSecond = 1_000_000_000;

    private readonly HostedKernel _kernel;
    private readonly TimeoutTable<FileDescription> _timeouts = new(64);
    private readonly Stopwatch _monotonic = Stopwatch.StartNew();
    private readonly object _gate = new();
    private Timer? _timer;

    public HostedTime(HostedKernel kernel)
    {
        _kernel = kernel;
    }

    /// <summary>Nanoseconds since the kernel was created.</summary>
    private ulong Now => (ulong)(_monotonic.ElapsedTicks * (NanosecondsPerSecond / (double)Stopwatch.Frequency));

    /// <summary>Seconds since the epoch when the monotonic clock was 0.</summary>
    private ulong RealtimeAtStart => (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() - Now / (ulong)NanosecondsPerSecond;

    /// <summary>The clock named by <c>time:</c>'s path, or 0 when it names none (ENOENT).</summary>
    public static ulong ParseClock(ReadOnlySpan<byte> path)
        => path.SequenceEqual("1"u8) ? (ulong)ClockId.Realtime : path.SequenceEqual("4"u8) ? (ulong)ClockId.Monotonic : 0;

    /// <summary>SYS_CLOCK_GETTIME(clock, timespec_ptr): the same clocks the handles read.</summary>
    public SyscallResult ClockGettime(nuint clock, nuint pointer)
    {
        if (clock != (nuint)ClockId.Realtime && clock != (nuint)ClockId.Monotonic)
        {
            return Errno.EINVAL;
        }
        if (pointer == 0)
        {
            return Errno.EFAULT;
        }
        return Read(new FileDescription { Kind = DescriptorKind.Time, HandleId = clock }, new Span<TimeSpec>((void*)pointer, 1)).IsOk
            ? SyscallResult.Ok(0) : Errno.EFAULT;
    }

    /// <summary>fpath of a time handle: <c>time:N</c>.</summary>
    public static SyscallResult Fpath(FileDescription time, nuint buffer, nuint length)
    {
        ReadOnlySpan<byte> path = (ClockId)time.HandleId == ClockId.Realtime ? "time:1"u8 : "time:4"u8;
        int count = (int)Math.Min((ulong)path.Length, (ulong)length);
        if (count != 0 && buffer == 0)
        {
            return Errno.EFAULT;
        }
        path.Slice(0, count).CopyTo(new Span<byte>((void*)buffer, count));
        return SyscallResult.Ok((ulong)count);
    }

    /// <summary>read(time, buf).</summary>
    public SyscallResult Read(FileDescription time, Span<TimeSpec> destination)
    {
        int count = Math.Min(destination.Length, MaxPerRead);
        for (int i = 0; i < count; i++)
        {
            ulong now = Now;
            destination[i] = new TimeSpec
            {
                Seconds = (long)(now / (ulong)NanosecondsPerSecond + ((ClockId)time.HandleId == ClockId.Realtime ? RealtimeAtStart : 0)),
                Nanoseconds = (int)(now % (ulong)NanosecondsPerSecond),
            };
        }
        return SyscallResult.Ok((ulong)(count * sizeof(TimeSpec)));
    }

    /// <summary>write(time, deadlines).</summary>
    public SyscallResult Write(FileDescription time, ReadOnlySpan<TimeSpec> deadlines)
    {
        for (int i = 0; i < deadlines.Length; i++)
        {
            Errno error = 0;
            if (!TimeCalls.IsValid(deadlines[i]))
            {
                error = Errno.EINVAL;
            }
            else
            {
                // The kernel's conversion (realtime offset, saturation) on a clock whose tick is one nanosecond.
                ulong due = TimeCalls.DueTick((ClockId)time.HandleId, deadlines[i], RealtimeAtStart, (ulong)NanosecondsPerSecond);
                lock (_gate)
                {
                    if (!_timeouts.Add(time, due))
                    {
                        error = Errno.ENOSPC;
                    }
                    else
                    {
                        _timer ??= new Timer(_ => Expire());
                        _timer.Change(0, 1);
                    }
                }
            }
            if (error != 0)
            {
                return i == 0 ? error : SyscallResult.Ok((ulong)(i * sizeof(TimeSpec)));
            }
        }
        return SyscallResult.Ok((ulong)(deadlines.Length * sizeof(TimeSpec)));
    }

    /// <summary>The last descriptor of a time handle closed.</summary>
    public void Release(FileDescription time)
    {
        lock (_gate)
        {
            _timeouts.Cancel(time);
        }
    }

    private void Expire()
    {
        while (true)
        {
            FileDescription? due;
            lock (_gate)
            {
                due = _timeouts.TakeDue(Now);
                if (due is null)
                {
                    if (_timeouts.Count == 0)
                    {
                        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
                    }
                    return;
                }
            }
            _kernel.DeliverReadiness(due, EventFlags.Read);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
