using Redox.Kernel.Arch;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// SYS_FUTEX: FUTEX_WAIT (sleep while the 32-bit word at addr equals val, optionally with a timeout) and
/// FUTEX_WAKE (wake up to val waiters on addr). Waiters are keyed by (process, address) and kept in a fixed table,
/// so waiting allocates nothing; a full table answers EAGAIN, which a user-space lock treats as "spin and retry".
/// </summary>
public static unsafe class Futexes
{
    /// <summary>Threads that can wait at once.</summary>
    public const int Capacity = 64;

    private const ulong Wait = 0, Wake = 1;

    private struct Waiter
    {
        public Process? Process;
        public ulong Address;
        public KernelThread? Thread;
        public bool Woken;
    }

    private static readonly Waiter[] s_waiters = new Waiter[Capacity];

    /// <summary>Threads waiting now.</summary>
    public static int Waiting { get; private set; }

    /// <summary>SYS_FUTEX(addr, op, val, timeout_ptr, addr2).</summary>
    public static SyscallResult Call(Process process, ulong address, ulong operation, ulong value, ulong timeout)
    {
        if ((address & 3) != 0) return Errno.EINVAL;
        Errno error = UserMemory.Check(process.Space, address, sizeof(uint), write: false);
        if (error != 0) return error;
        return operation switch
        {
            Wait => WaitOn(process, address, (uint)value, timeout),
            Wake => SyscallResult.Ok((ulong)WakeOn(process, address, value)),
            _ => Errno.EINVAL,
        };
    }

    private static SyscallResult WaitOn(Process process, ulong address, uint expected, ulong timeout)
    {
        ulong ticks = 0;
        if (timeout != 0)
        {
            TimeSpec time;
            Errno copy = UserMemory.CopyIn(&time, timeout, (ulong)sizeof(TimeSpec));
            if (copy != 0) return copy;
            if (time.Seconds < 0 || time.Nanoseconds < 0 || time.Nanoseconds >= 1_000_000_000) return Errno.EINVAL;
            ticks = TimeCalls.TicksFor(time);
            if (ticks == 0) return Errno.ETIMEDOUT;
        }
        int slot;
        using (InterruptGuard.Enter())
        {
            // Read and enqueue with interrupts off: a wake between the two cannot be lost.
            uint current;
            Errno error = UserMemory.CopyIn(&current, address, sizeof(uint));
            if (error != 0) return error;
            if (current != expected) return Errno.EAGAIN;
            slot = -1;
            for (int i = 0; i < Capacity && slot < 0; i++)
            {
                if (s_waiters[i].Thread is null) slot = i;
            }
            if (slot < 0) return Errno.EAGAIN;
            s_waiters[slot] = new Waiter { Process = process, Address = address, Thread = Threads.Current };
            Waiting++;
            if (ticks == 0) Threads.Block();
            else Threads.Sleep(ticks);
            bool woken = s_waiters[slot].Woken;
            s_waiters[slot] = default;
            Waiting--;
            if (woken) return SyscallResult.Ok(0);
            return process.KillPending ? Errno.EINTR : ticks != 0 ? Errno.ETIMEDOUT : Errno.EINTR;
        }
    }

    private static int WakeOn(Process process, ulong address, ulong count)
    {
        int woken = 0;
        using InterruptGuard guard = InterruptGuard.Enter();
        for (int i = 0; i < Capacity && (ulong)woken < count; i++)
        {
            ref Waiter waiter = ref s_waiters[i];
            if (waiter.Thread is null || waiter.Woken || waiter.Process != process || waiter.Address != address) continue;
            waiter.Woken = true;
            Threads.WakeEarly(waiter.Thread);
            woken++;
        }
        return woken;
    }
}
