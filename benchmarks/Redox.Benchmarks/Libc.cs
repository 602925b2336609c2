using System.Runtime.InteropServices;

namespace Redox.Benchmarks;

/// <summary>The Linux calls the peer measurements use directly (no managed streams in between).</summary>
internal static unsafe class Libc
{
    public const int AF_UNIX = 1;
    public const int SOCK_STREAM = 1;
    public const long SYS_futex = 202; // x86_64
    public const int FUTEX_WAIT_PRIVATE = 0 | 128;
    public const int FUTEX_WAKE_PRIVATE = 1 | 128;

    [DllImport("libc", EntryPoint = "pipe2")]
    public static extern int Pipe2(int* fds, int flags);

    [DllImport("libc", EntryPoint = "socketpair")]
    public static extern int SocketPair(int domain, int type, int protocol, int* fds);

    [DllImport("libc", EntryPoint = "read")]
    public static extern nint Read(int fd, byte* buffer, nint count);

    [DllImport("libc", EntryPoint = "write")]
    public static extern nint Write(int fd, byte* buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    public static extern int Close(int fd);

    // glibc's syscall() is variadic; on x86_64 integer arguments pass the same way either way.
    [DllImport("libc", EntryPoint = "syscall")]
    public static extern long Futex(long number, int* address, int op, int value, nint timeout, nint address2, int value3);
}
