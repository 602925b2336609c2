using System;

namespace Redox.Testing.Ps2;

/// <summary>
/// A PS/2 mouse on the i8042's second port: reset (0xFF → FA AA 00), identify (0xF2 → FA id), sample rate
/// (0xF3 r; 10/20/40/60/80/100/200, else 0xFE), resolution (0xE8 0-3), streaming (0xF4/0xF5), defaults,
/// scaling, status request (0xE9), resend. The knock sequences switch modes as real wheel mice do: rates
/// 200, 100, 80 make an IntelliMouse (ID 3, 4-byte packets with a wheel byte) when
/// <see cref="MaxId"/> ≥ 3; then 200, 200, 80 make an IntelliMouse Explorer (ID 4: 4-bit wheel, buttons 4/5)
/// when <see cref="MaxId"/> is 4. With <see cref="MaxId"/> 0 it stays ID 0 whatever is knocked.
/// </summary>
public sealed class Ps2MouseModel : Ps2DeviceModel
{
    private readonly byte[] _rates = new byte[3];
    private byte _command;

    /// <summary>The highest mode the mouse supports: 0, 3 or 4.</summary>
    public byte MaxId { get; set; } = 4;

    /// <summary>The current device ID.</summary>
    public byte Id { get; private set; }

    /// <summary>True while movement packets are sent.</summary>
    public bool Streaming { get; private set; }

    /// <summary>Samples per second.</summary>
    public byte SampleRate { get; private set; } = 100;

    /// <summary>Resolution code (0-3).</summary>
    public byte Resolution { get; private set; } = 2;

    /// <summary>Buttons held: bit 0 left, 1 right, 2 middle, 3 button 4, 4 button 5.</summary>
    public byte Buttons { get; set; }

    /// <inheritdoc/>
    protected override bool ExpectsArgument => _command != 0;

    /// <summary>
    /// Moves the mouse by (<paramref name="dx"/>, <paramref name="dy"/>) (each -256..255, +y up) and turns the wheel
    /// (ID 3: -128..127, ID 4: -8..7; ignored for ID 0) with <see cref="Buttons"/> held: one packet. False when not streaming.
    /// </summary>
    public bool Move(int dx, int dy, int wheel = 0)
    {
        if (dx < -256 || dx > 255 || dy < -256 || dy > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(dx), "one packet carries -256..255 per axis");
        }
        lock (Gate)
        {
            if (!Streaming || Mute)
            {
                return false;
            }
            byte head = (byte)(0x08 | (Buttons & 0x07) | (dx < 0 ? 0x10 : 0) | (dy < 0 ? 0x20 : 0));
            Send(head);
            Send((byte)dx);
            Send((byte)dy);
            if (Id == 3)
            {
                Send((byte)(sbyte)Math.Clamp(wheel, -128, 127));
            }
            else if (Id == 4)
            {
                int z = Math.Clamp(wheel, -8, 7) & 0x0F;
                Send((byte)(z | ((Buttons & 0x08) != 0 ? 0x10 : 0) | ((Buttons & 0x10) != 0 ? 0x20 : 0)));
            }
        }
        OutputQueued?.Invoke();
        return true;
    }

    /// <summary>Sends a packet with the X and/or Y overflow bit set (motion too fast to count); false when not streaming.</summary>
    public bool Overflow(bool x, bool y)
    {
        lock (Gate)
        {
            if (!Streaming || Mute)
            {
                return false;
            }
            Send((byte)(0x08 | (Buttons & 0x07) | (x ? 0x40 : 0) | (y ? 0x80 : 0)));
            Send(0xFF);
            Send(0xFF);
            if (Id != 0)
            {
                Send(0);
            }
        }
        OutputQueued?.Invoke();
        return true;
    }

    /// <inheritdoc/>
    protected override void OnHostByte(byte b)
    {
        if (_command != 0)
        {
            byte command = _command;
            _command = 0;
            Argument(command, b);
            return;
        }
        switch (b)
        {
            case 0xFF:
                ClearOutput();
                Defaults();
                Id = 0;
                Send(0xFA);
                Send(0xAA);
                Send(0x00);
                break;
            case 0xF2:
                Send(0xFA);
                Send(Id);
                break;
            case 0xF3:
            case 0xE8:
                _command = b;
                Send(0xFA);
                break;
            case 0xF4:
                Streaming = true;
                Send(0xFA);
                break;
            case 0xF5:
                Streaming = false;
                Send(0xFA);
                break;
            case 0xF6:
                Defaults();
                Send(0xFA);
                break;
            case 0xE6:
            case 0xE7:
            case 0xEA:
            case 0xF0:
                Send(0xFA);
                break;
            case 0xE9:
                Send(0xFA);
                Send((byte)((Streaming ? 0x20 : 0) | (Buttons & 0x07)));
                Send(Resolution);
                Send(SampleRate);
                break;
            default:
                Send(0xFE);
                break;
        }
    }

    private void Argument(byte command, byte b)
    {
        if (command == 0xE8)
        {
            if (b > 3)
            {
                Send(0xFE);
                return;
            }
            Resolution = b;
            Send(0xFA);
            return;
        }
        if (b != 10 && b != 20 && b != 40 && b != 60 && b != 80 && b != 100 && b != 200)
        {
            Send(0xFE);
            return;
        }
        SampleRate = b;
        _rates[0] = _rates[1];
        _rates[1] = _rates[2];
        _rates[2] = b;
        if (_rates[0] == 200 && _rates[1] == 100 && _rates[2] == 80 && Id == 0 && MaxId >= 3)
        {
            Id = 3;
        }
        else if (_rates[0] == 200 && _rates[1] == 200 && _rates[2] == 80 && Id == 3 && MaxId >= 4)
        {
            Id = 4;
        }
        Send(0xFA);
    }

    private void Defaults()
    {
        Streaming = false;
        SampleRate = 100;
        Resolution = 2;
        Array.Clear(_rates);
    }
}
