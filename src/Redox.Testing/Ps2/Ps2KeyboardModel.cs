using System;

namespace Redox.Testing.Ps2;

/// <summary>
/// An MF2 keyboard on the i8042's first port. Commands: reset (0xFF → FA AA), identify (0xF2 → FA AB 83),
/// scancode set (0xF0 0/1/2; set 3 is refused with 0xFE), LEDs (0xED), typematic (0xF3), enable/disable
/// scanning (0xF4/0xF5), defaults (0xF6), echo (0xEE), resend (0xFE). Keys are typed by HID usage ID
/// (<see cref="Press"/>, <see cref="Release"/>, <see cref="Tap"/>, <see cref="Hold"/> with typematic repeats)
/// and sent in the selected set; nothing is sent while scanning is off.
/// </summary>
public sealed class Ps2KeyboardModel : Ps2DeviceModel
{
    private byte _command;

    /// <summary>The selected scancode set (1 or 2).</summary>
    public int ScancodeSet { get; private set; } = 2;

    /// <summary>True while the keyboard sends scancodes.</summary>
    public bool Scanning { get; private set; } = true;

    /// <summary>The LED byte last set (bit 0 Scroll, 1 Num, 2 Caps).</summary>
    public byte Leds { get; private set; }

    /// <summary>How many times the LEDs were set.</summary>
    public int LedWrites { get; private set; }

    /// <summary>How many resets the keyboard performed.</summary>
    public int Resets { get; private set; }

    /// <summary>The self-test answer after reset (0xAA; 0xFC to simulate a broken keyboard).</summary>
    public byte SelfTestResult { get; set; } = 0xAA;

    /// <inheritdoc/>
    protected override bool ExpectsArgument => _command != 0;

    /// <summary>Presses <paramref name="usage"/> (HID page 0x07); false when scanning is off and nothing was sent.</summary>
    public bool Press(byte usage) => Emit(Ps2ScancodeModel.Set2Make(usage));

    /// <summary>Releases <paramref name="usage"/>.</summary>
    public bool Release(byte usage) => Emit(Ps2ScancodeModel.Set2Break(usage));

    /// <summary>Presses and releases <paramref name="usage"/>.</summary>
    public bool Tap(byte usage) => Press(usage) && Release(usage);

    /// <summary>Holds <paramref name="usage"/> long enough for <paramref name="repeats"/> typematic repeats, then releases it.</summary>
    public bool Hold(byte usage, int repeats)
    {
        if (!Press(usage))
        {
            return false;
        }
        if (usage != Ps2ScancodeModel.Pause)
        {
            for (int i = 0; i < repeats; i++)
            {
                Press(usage);
            }
        }
        return Release(usage);
    }

    private bool Emit(byte[] set2)
    {
        lock (Gate)
        {
            if (!Scanning || Mute)
            {
                return false;
            }
            byte[] bytes = ScancodeSet == 1 ? Ps2ScancodeModel.ToSet1(set2) : set2;
            foreach (byte b in bytes)
            {
                Send(b);
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
                Resets++;
                ScancodeSet = 2;
                Scanning = true;
                Leds = 0;
                Send(0xFA);
                Send(SelfTestResult);
                break;
            case 0xF2:
                Send(0xFA);
                Send(0xAB);
                Send(0x83);
                break;
            case 0xF0:
            case 0xED:
            case 0xF3:
                _command = b;
                Send(0xFA);
                break;
            case 0xF4:
                Scanning = true;
                Send(0xFA);
                break;
            case 0xF5:
                Scanning = false;
                Send(0xFA);
                break;
            case 0xF6:
                ScancodeSet = 2;
                Send(0xFA);
                break;
            case 0xEE:
                Send(0xEE);
                break;
            default:
                Send(0xFE);
                break;
        }
    }

    private void Argument(byte command, byte b)
    {
        switch (command)
        {
            case 0xF0:
                if (b == 0)
                {
                    Send(0xFA);
                    Send((byte)ScancodeSet);
                }
                else if (b == 1 || b == 2)
                {
                    ScancodeSet = b;
                    Send(0xFA);
                }
                else
                {
                    Send(0xFE);
                }
                break;
            case 0xED:
                Leds = (byte)(b & 0x07);
                LedWrites++;
                Send(0xFA);
                break;
            default:
                Send(0xFA);
                break;
        }
    }
}
