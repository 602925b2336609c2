using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Redox.Boot.Tests;

/// <summary>
/// QEMU's machine protocol (QMP) over a unix socket, for input injection while a guest runs: HMP commands through
/// <c>human-monitor-command</c> (<c>sendkey</c>, <c>mouse_move</c>, <c>mouse_button</c>) and <c>input-send-event</c> for
/// what HMP cannot say (a key pressed again while down: QEMU's PS/2 keyboard does no typematic repeat of its own, so a
/// held key's repeats are injected as repeated key-down events, exactly what a real keyboard sends; mouse buttons 4
/// and 5). QEMU is started with <see cref="Arguments"/>; <see cref="Connect"/> follows. Every command waits for its
/// answer, so input arrives in the order it was sent.
/// </summary>
public sealed class QemuMonitor : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private QemuMonitor(Socket socket)
    {
        _socket = socket;
        var stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(stream, Encoding.UTF8);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    /// <summary>A fresh socket path (short: a unix socket path has at most 107 bytes).</summary>
    public static string NewSocketPath() => Path.Combine(Path.GetTempPath(), "redox-qmp-" + Guid.NewGuid().ToString("n")[..12] + ".sock");

    /// <summary>QEMU's arguments for a QMP server on <paramref name="socketPath"/> that does not hold the guest back.</summary>
    public static IReadOnlyList<string> Arguments(string socketPath) => ["-qmp", $"unix:{socketPath},server=on,wait=off"];

    /// <summary>Connects to the QMP server at <paramref name="socketPath"/> (retrying until it exists or <paramref name="timeout"/>) and leaves capabilities negotiation.</summary>
    public static QemuMonitor Connect(string socketPath, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                socket.ReceiveTimeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
                var monitor = new QemuMonitor(socket);
                monitor.ReadMessage();                                 // the greeting: {"QMP": {...}}
                monitor.Execute("qmp_capabilities");
                return monitor;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(100);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    /// <summary>Runs the HMP command <paramref name="commandLine"/>; HMP answers errors as text, so any text is an error.</summary>
    public void Hmp(string commandLine)
    {
        JsonNode? answer = Execute("human-monitor-command", new JsonObject { ["command-line"] = commandLine });
        string text = answer?.GetValue<string>() ?? "";
        if (text.Trim().Length != 0) throw new InvalidOperationException($"QEMU monitor: '{commandLine}' answered: {text.Trim()}");
    }

    /// <summary>A key (QEMU <c>QKeyCode</c> name, e.g. <c>a</c>, <c>up</c>) goes down or up.</summary>
    public void Key(string qcode, bool down) => SendEvent(new JsonObject
    {
        ["type"] = "key",
        ["data"] = new JsonObject { ["down"] = down, ["key"] = new JsonObject { ["type"] = "qcode", ["data"] = qcode } },
    });

    /// <summary>A mouse button (QEMU <c>InputButton</c>: left, middle, right, wheel-up, wheel-down, side, extra) goes down or up.</summary>
    public void Button(string button, bool down) => SendEvent(new JsonObject
    {
        ["type"] = "btn",
        ["data"] = new JsonObject { ["down"] = down, ["button"] = button },
    });

    private void SendEvent(JsonObject inputEvent) => Execute("input-send-event", new JsonObject { ["events"] = new JsonArray(inputEvent) });

    // Sends one command and returns its "return" value; asynchronous events QEMU sends meanwhile are skipped.
    private JsonNode? Execute(string command, JsonObject? arguments = null)
    {
        var message = new JsonObject { ["execute"] = command };
        if (arguments is not null) message["arguments"] = arguments;
        _writer.WriteLine(message.ToJsonString());
        while (true)
        {
            JsonObject answer = ReadMessage();
            if (answer.TryGetPropertyValue("error", out JsonNode? error))
                throw new InvalidOperationException($"QEMU monitor: {command} failed: {error?.ToJsonString()}");
            if (answer.TryGetPropertyValue("return", out JsonNode? value)) return value;
        }
    }

    private JsonObject ReadMessage()
    {
        string line = _reader.ReadLine() ?? throw new IOException("QEMU closed its monitor socket");
        return JsonNode.Parse(line) as JsonObject ?? throw new IOException($"QEMU monitor sent something else than an object: {line}");
    }

    /// <summary>Closes the connection (QEMU keeps running; it is ended by its pid, see <see cref="Qemu.Boot"/>).</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
