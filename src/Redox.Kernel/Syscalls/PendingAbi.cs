namespace Redox.Kernel.Syscalls;

/// <summary>
/// ABI values the kernel serves that abi/redox-abi.txt does not carry yet (it is being re-pinned): the historical
/// Redox numbers of the process calls the kernel keeps (redox_syscall 0.4/0.5, before process management moved
/// to user space), WNOHANG, the clock ids, and the descriptor Redox's fmap treats as "anonymous memory".
/// </summary>
internal static class PendingAbi
{
    /// <summary><c>SYS_WAITPID</c>: waitpid(pid, status_ptr, options).</summary>
    public const nuint Waitpid = 7;
    /// <summary><c>SYS_KILL</c>: kill(pid, signal).</summary>
    public const nuint Kill = 37;
    /// <summary><c>WNOHANG</c>: do not wait.</summary>
    public const nuint NoHang = 1;
    /// <summary><c>CLOCK_REALTIME</c>.</summary>
    public const nuint ClockRealtime = 1;
    /// <summary><c>CLOCK_MONOTONIC</c>.</summary>
    public const nuint ClockMonotonic = 4;
    /// <summary>fmap on this descriptor (<c>!0</c>) maps anonymous, zeroed memory.</summary>
    public const ulong AnonymousDescriptor = ulong.MaxValue;
}
