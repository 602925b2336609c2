namespace Redox.Syscall;

/// <summary>
/// Redox.NET kernel extension: what a <c>SYS_CALL</c> on a scheme's socket descriptor does, named by its first metadata
/// word. Redox's kernel has no calls on the socket itself (a driver reads requests and writes answers); ours offers one
/// that does both, so a driver makes one system call per request instead of two and the answered client runs at once
/// while the driver waits for the next request.
/// </summary>
public static class SocketCall
{
    /// <summary>
    /// <c>call(socket, requests, len, READ | 3, [AnswerThenRead, answers_ptr, answers_len])</c>: takes the whole
    /// <see cref="Cqe"/>s at <c>answers</c> exactly as <c>write(socket)</c> would, then fills <c>requests</c> with
    /// whole <see cref="Sqe"/>s exactly as <c>read(socket)</c> would (blocking unless the socket is non-blocking). The
    /// value is the bytes of requests read; the answers count as delivered even when the read part then fails.
    /// </summary>
    public const ulong AnswerThenRead = 1;
}
