using Redox.Kernel.Arch;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// The kernel side of Redox's system calls, by Redox call number. Ring-3 processes reach it through the
/// <c>syscall</c> instruction; kernel code (an image's Main, in-kernel drivers) through a direct call installed as
/// Redox.Syscall's back end. Every argument is checked: bad input is an errno, never a fault. A process that was
/// killed while in a call ends on its way out.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]         // no local here is read before it is written
public static unsafe class SyscallDispatcher
{
    /// <summary>
    /// Runs one call; the result is a value or an errno. No call this kernel serves takes a sixth argument, so
    /// <paramref name="f"/> is never read. The direct call of kernel code: a kernel thread's call (the kernel log,
    /// yield, getpid) runs with interrupts as its caller has them; on a process's thread the call goes under a guard,
    /// as the entry's calls come in with interrupts off.
    /// </summary>
    public static SyscallResult Dispatch(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        if (Threads.CurrentProcess is null) return DispatchKernel(number, a, b, c);
        using InterruptGuard guard = InterruptGuard.Enter();
        return DispatchNumberLast(a, b, c, d, e, number);
    }

    /// <summary>
    /// <see cref="Dispatch"/> with the number last and no sixth argument: how the <c>syscall</c> entry passes them, so
    /// that every argument arrives in a register and only two move (the null system call's figure notices).
    /// <para>
    /// Interrupts are off on entry (the <c>syscall</c> instruction's mask). A call that may run long or block turns
    /// them on first; the scheme round trip's calls (read and write, which turn them on themselves for any descriptor
    /// but a user scheme's, and SYS_ANSWER_ONE_THEN_READ), getpid and yield keep them off: the round trip and the
    /// switch take the kernel's lock (interrupts off) anyway, and this spares each of those calls a guard.
    /// </para>
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static SyscallResult DispatchNumberLast(nuint a, nuint b, nuint c, nuint d, nuint e, nuint number)
    {
        Process? process = Threads.CurrentProcess;
        if (process is null) return DispatchKernel(number, a, b, c);
        SyscallResult result = DispatchProcess(process, number, a, b, c, d, e);
        if (process.KillPending) ExitKilled(process);
        return result;
    }

    // Inlined: one call less and no arguments spilled to the stack on every system call. The calls that keep
    // interrupts off are found here; the rest go out of line, so that turning interrupts on (a call) does not make
    // this frame keep every argument in a saved register.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static SyscallResult DispatchProcess(Process p, nuint number, nuint a, nuint b, nuint c, nuint d, nuint e)
    {
        if (number == SyscallNumbers.Getpid) return SyscallResult.Ok((ulong)p.Id);
        if (number == SyscallNumbers.Write) return FileCalls.Write(p, a, b, c);
        if (number == SyscallNumbers.Yield)
        {
            Threads.Yield();            // a switch, which takes the lock anyway: the process switch figure
            return SyscallResult.Ok(0);
        }
        // The scheme round trip's two calls: the syscall entry sends them to their own handlers (ReadFromEntry,
        // AnswerOneThenReadFromEntry), so these routes serve only a direct caller, out of line.
        if (number == SyscallNumbers.Read) return ReadOutOfLine(p, a, b, c);
        if (number == SyscallNumbers.AnswerOneThenRead) return AnswerOneThenReadOutOfLine(p, a, b, c, d, e);
        return DispatchPreemptible(p, number, a, b, c, d, e);
    }

    /// <summary>
    /// SYS_READ from the syscall entry's own path for it (the scheme round trip's client half): the caller's process,
    /// the read, and the end of a process killed meanwhile, compiled into one frame with no dispatch around it.
    /// Interrupts are off, as for every call from the entry.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static SyscallResult ReadFromEntry(nuint fd, nuint buffer, nuint length)
    {
        Process? process = Threads.CurrentProcess;
        if (process is null) return Errno.ENOSYS;          // a ring-3 caller always has one
        SyscallResult result = FileCalls.Read(process, fd, buffer, length);
        if (process.KillPending) ExitKilled(process);
        return result;
    }

    /// <summary>SYS_ANSWER_ONE_THEN_READ from the syscall entry's own path for it (the driver half), as <see cref="ReadFromEntry"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static SyscallResult AnswerOneThenReadFromEntry(nuint socket, nuint requests, nuint length, nuint head, nuint answer)
    {
        Process? process = Threads.CurrentProcess;
        if (process is null) return Errno.ENOSYS;
        SyscallResult result = SchemeHandleCalls.AnswerOneThenRead(process, socket, requests, length, head, answer);
        if (process.KillPending) ExitKilled(process);
        return result;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult ReadOutOfLine(Process p, nuint fd, nuint buffer, nuint length) => FileCalls.Read(p, fd, buffer, length);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult AnswerOneThenReadOutOfLine(Process p, nuint socket, nuint requests, nuint length, nuint head, nuint answer)
        => SchemeHandleCalls.AnswerOneThenRead(p, socket, requests, length, head, answer);

    // A killed process ends on its way out of its call; out of line, off the round trip's path.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ExitKilled(Process process)
    {
        Cpu.EnableInterrupts();
        ProcessTable.ExitCurrent(process.PendingStatus);
    }

    /// <summary>Every other call, with interrupts on: it may run long or block.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult DispatchPreemptible(Process p, nuint number, nuint a, nuint b, nuint c, nuint d, nuint e)
    {
        Cpu.EnableInterrupts();
        // Two switches by Redox's call class (the top bits: SYS_CLASS_PATH, SYS_CLASS_FILE; 0 for process calls), so
        // the frequent small process calls (futex, clock_gettime, nanosleep) are found in a few compares instead of a
        // walk down the tree of every number.
        if (number < SyscallNumbers.ClassPath)
        {
            switch (number)
            {
                case SyscallNumbers.Exit: return ProcessCalls.Exit(a);
                case SyscallNumbers.Waitpid: return ProcessCalls.Waitpid(p, a, b, c);
                case SyscallNumbers.Kill: return ProcessCalls.Kill(p, a, b);
                case SyscallNumbers.FaultUpcall: return FaultUpcalls.Call(p, a, b);
                case SyscallNumbers.ClockGettime: return TimeCalls.ClockGettime(p, a, b);
                case SyscallNumbers.Nanosleep: return TimeCalls.Nanosleep(p, a, b);
                case SyscallNumbers.Futex: return Futexes.Call(p, a, b, c, d);
                default:
                    return SchemeHandleCalls.TryDispatch(p, number, a, b, c, d, e, out SyscallResult routed) ? routed : Errno.ENOSYS;
            }
        }
        if (number == SyscallNumbers.AnswerThenRead) return SchemeHandleCalls.AnswerThenRead(p, a, b, c, d, e);
        switch (number)
        {
            case SyscallNumbers.Call: return SchemeHandleCalls.Call(p, a, b, c, d, e);
            case SyscallNumbers.Open: return FileCalls.Open(p, a, b, c);
            case SyscallNumbers.Close: return FileCalls.Close(p, a);
            case SyscallNumbers.Dup: return FileCalls.Dup(p, a, b, c);
            case SyscallNumbers.Lseek: return FileCalls.Seek(p, a, (long)b, c);
            case SyscallNumbers.Fstat: return FileCalls.Fstat(p, a, b, c);
            case SyscallNumbers.Fcntl: return FileCalls.Fcntl(p, a, b, c);
            case SyscallNumbers.Fpath: return FileCalls.Fpath(p, a, b, c);
            case SyscallNumbers.Fmap: return MemoryCalls.Fmap(p, a, b, c);
            case SyscallNumbers.Funmap: return MemoryCalls.Funmap(p, a, b);
            case SyscallNumbers.Unlink: return FileCalls.PathCall(p, Opcode.Unlink, a, b);
            case SyscallNumbers.Rmdir: return FileCalls.PathCall(p, Opcode.Rmdir, a, b);
            default:
                return SchemeHandleCalls.TryDispatch(p, number, a, b, c, d, e, out SyscallResult fileRouted) ? fileRouted : Errno.ENOSYS;
        }
    }

    /// <summary>
    /// Calls from kernel code: descriptors 1 and 2 are the kernel log, buffers are the kernel's own (checked to be
    /// mapped), yield and getpid (0, the kernel) work, and the rest is ENOSYS.
    /// </summary>
    private static SyscallResult DispatchKernel(nuint number, nuint a, nuint b, nuint c)
    {
        switch (number)
        {
            case SyscallNumbers.Write: return KernelWrite(a, b, c);
            case SyscallNumbers.Yield:
                Threads.Yield();
                return SyscallResult.Ok(0);
            case SyscallNumbers.Getpid: return SyscallResult.Ok(ProcessTable.KernelId);
            default: return Errno.ENOSYS;
        }
    }

    private static SyscallResult KernelWrite(nuint fd, nuint buffer, nuint length)
    {
        if (fd != 1 && fd != 2) return Errno.EBADF;
        AddressSpace? space = KernelPaging.KernelSpace;
        if (space is null) return Errno.EFAULT;
        Errno error = KernelBuffer.Validate(space, buffer, length);
        if (error != 0) return error;
        KernelLog.Write(new ReadOnlySpan<byte>((void*)buffer, (int)length));
        return SyscallResult.Ok(length);
    }
}
