using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>Process management the kernel keeps (Redox has moved it to user space): exit, getpid, waitpid, kill.</summary>
public static unsafe class ProcessCalls
{
    /// <summary>Signals kill accepts (1..31, POSIX's classic range).</summary>
    public const int MaxSignal = 31;

    /// <summary>SYS_EXIT(code): never returns.</summary>
    public static SyscallResult Exit(ulong code)
    {
        ProcessTable.ExitCurrent(Process.ExitedStatus((int)code));
        return Errno.EINVAL;
    }

    /// <summary>SYS_WAITPID(pid, status_ptr, options) -> the reaped child's id (0 with WNOHANG when none ended).</summary>
    public static SyscallResult Waitpid(Process process, ulong pid, ulong statusPointer, ulong options)
    {
        if ((options & ~(ulong)WaitFlags.NoHang) != 0 || (long)pid < -1 || pid > int.MaxValue && (long)pid != -1) return Errno.EINVAL;
        if (statusPointer != 0)
        {
            Errno check = UserMemory.Check(process.Space, statusPointer, sizeof(ulong), write: true);
            if (check != 0) return check;
        }
        int id = ProcessTable.Wait(process.Id, (int)(long)pid, (options & (ulong)WaitFlags.NoHang) != 0, out int status);
        if (id < 0) return process.KillPending ? Errno.EINTR : Errno.ECHILD;
        if (id > 0 && statusPointer != 0)
        {
            ulong word = (ulong)status;                                    // Redox passes a usize
            Errno error = UserMemory.CopyOut(statusPointer, &word, sizeof(ulong));
            if (error != 0) return error;
        }
        return SyscallResult.Ok((ulong)id);
    }

    /// <summary>SYS_KILL(pid, signal): ends the process (every signal terminates; there are no handlers).</summary>
    public static SyscallResult Kill(Process process, ulong pid, ulong signal)
    {
        if (signal > MaxSignal || pid == 0 || pid > int.MaxValue) return Errno.EINVAL;
        Process? target = ProcessTable.Find((int)pid);
        if (target is null || target.State != ProcessState.Alive) return Errno.ESRCH;
        if (signal == 0) return SyscallResult.Ok(0);                       // kill(pid, 0): existence check
        if (target == process)
        {
            ProcessTable.ExitCurrent(Process.SignaledStatus((int)signal));
            return Errno.EINVAL;
        }
        return ProcessTable.Kill((int)pid, (int)signal) ? SyscallResult.Ok(0) : Errno.ESRCH;
    }
}
