using System.Collections.Generic;

namespace Redox.Testing.Ps2;

/// <summary>
/// A device on one port of an <see cref="I8042Model"/>: it receives the bytes the host writes, answers into its
/// own output queue, and the controller moves that queue into its single output buffer one byte at a time.
/// Faults for tests: <see cref="Mute"/> (never answers), <see cref="ResendStorm"/> (answers 0xFE instead of
/// acting, that many times). A host resend request (0xFE) repeats the last byte sent, as the protocol says.
/// </summary>
public abstract class Ps2DeviceModel
{
    private readonly Queue<byte> _output = new();
    private readonly List<byte> _received = new();
    private byte _last;

    internal object Gate { get; set; } = new();

    /// <summary>The controller calls this after the device queued output (to fill its buffer and raise the IRQ).</summary>
    internal System.Action? OutputQueued { get; set; }

    /// <summary>True: the device is electrically there but never answers anything.</summary>
    public bool Mute { get; set; }

    /// <summary>The next this-many host bytes are answered 0xFE and otherwise ignored (int.MaxValue: always).</summary>
    public int ResendStorm { get; set; }

    /// <summary>Every byte the host sent to this device, in order.</summary>
    public IReadOnlyList<byte> Received
    {
        get
        {
            lock (Gate)
            {
                return _received.ToArray();
            }
        }
    }

    /// <summary>Bytes waiting to reach the controller.</summary>
    public int Pending
    {
        get
        {
            lock (Gate)
            {
                return _output.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="bytes"/> as if the device sent them (garbage, raw packets).</summary>
    public void InjectRaw(params byte[] bytes)
    {
        lock (Gate)
        {
            foreach (byte b in bytes)
            {
                Send(b);
            }
        }
        OutputQueued?.Invoke();
    }

    internal void Receive(byte b)
    {
        lock (Gate)
        {
            _received.Add(b);
            if (Mute)
            {
                return;
            }
            if (ResendStorm > 0)
            {
                if (ResendStorm != int.MaxValue)
                {
                    ResendStorm--;
                }
                Send(0xFE);
                return;
            }
            if (b == 0xFE && !ExpectsArgument)
            {
                Send(_last);
                return;
            }
            OnHostByte(b);
        }
    }

    internal bool TryTake(out byte b)
    {
        lock (Gate)
        {
            return _output.TryDequeue(out b);
        }
    }

    /// <summary>True while the device waits for a command's argument byte (0xFE is then an argument).</summary>
    protected abstract bool ExpectsArgument { get; }

    /// <summary>Handles one byte from the host (a command or an argument); called under the device lock.</summary>
    protected abstract void OnHostByte(byte b);

    /// <summary>Queues one byte towards the host; called under the device lock.</summary>
    protected void Send(byte b)
    {
        _output.Enqueue(b);
        _last = b;
    }

    /// <summary>Drops every queued byte (a reset).</summary>
    protected void ClearOutput() => _output.Clear();
}
