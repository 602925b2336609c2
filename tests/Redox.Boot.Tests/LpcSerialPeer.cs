using System.Net.Sockets;
using System.Text;

namespace Redox.Boot.Tests;

/// <summary>
/// The host end of the guest's COM2 for <see cref="LpcBootTests"/>: a Unix socket QEMU connects to at start-up
/// (<c>-serial unix:PATH</c>, QEMU as the client, so nothing the guest writes is lost before the test is there). It
/// waits for the guest's "ready" line, sends a line, waits for the guest's echo of it, then sends "bye". Every wait has
/// a deadline; what arrived is kept for the assertions.
/// </summary>
public sealed class LpcSerialPeer : IDisposable
{
    /// <summary>The line the host sends; the guest must answer "echo: " and this line.</summary>
    public const string Ping = "ping from the host 0123456789";

    private readonly Socket _listener;
    private readonly StringBuilder _received = new();
    private readonly Task _conversation;
    private readonly TimeSpan _timeout;

    /// <summary>Listens at a fresh socket path; the conversation runs in the background until it ends or <paramref name="timeout"/>.</summary>
    public LpcSerialPeer(TimeSpan timeout)
    {
        _timeout = timeout;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "redox-com2-" + Guid.NewGuid().ToString("n")[..12] + ".sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen(1);
        _conversation = Task.Run(Converse);
    }

    /// <summary>The socket's path, for QEMU's <c>-serial unix:</c>.</summary>
    public string Path { get; }

    /// <summary>Everything the guest wrote to COM2.</summary>
    public string Received
    {
        get { lock (_received) return _received.ToString(); }
    }

    /// <summary>What went wrong in the conversation (null: it completed).</summary>
    public string? Failure { get; private set; } = "the conversation has not ended";

    /// <summary>Waits for the conversation to end (QEMU has exited by then, or the deadline passed).</summary>
    public void Wait() => _conversation.Wait(_timeout + TimeSpan.FromSeconds(5));

    private async Task Converse()
    {
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            using Socket com2 = await _listener.AcceptAsync(deadline.Token);
            await ReadUntil(com2, "lpcinfo: com2 ready\n", deadline.Token);
            await com2.SendAsync(Encoding.ASCII.GetBytes(Ping + "\r\n"), SocketFlags.None, deadline.Token);
            await ReadUntil(com2, "echo: " + Ping + "\n", deadline.Token);
            await com2.SendAsync("bye\n"u8.ToArray(), SocketFlags.None, deadline.Token);
            Failure = null;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            Failure = $"{e.GetType().Name}: {e.Message}; received so far: \"{Received}\"";
        }
    }

    private async Task ReadUntil(Socket com2, string expected, CancellationToken cancel)
    {
        var buffer = new byte[256];
        while (!Received.Contains(expected, StringComparison.Ordinal))
        {
            int n = await com2.ReceiveAsync(buffer, SocketFlags.None, cancel);
            if (n == 0) throw new IOException($"COM2 closed before \"{expected.TrimEnd()}\"");
            lock (_received) _received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    /// <summary>Closes the listener and removes the socket file.</summary>
    public void Dispose()
    {
        _listener.Dispose();
        try { File.Delete(Path); } catch (IOException) { }
    }
}
