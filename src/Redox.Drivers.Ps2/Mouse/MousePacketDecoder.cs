namespace Redox.Drivers.Ps2;

/// <summary>
/// Assembles movement packets: 3 bytes for a standard mouse (ID 0), 4 for IntelliMouse (ID 3: byte 3 is the
/// signed wheel) and IntelliMouse Explorer (ID 4: byte 3 bits 0-3 the signed wheel, bits 4/5 buttons 4/5).
/// Byte 0: bit 0 left, 1 right, 2 middle, 3 always 1, 4 X sign, 5 Y sign, 6 X overflow, 7 Y overflow; bytes 1/2
/// are the low 8 bits of the 9-bit two's complement X/Y (OSDev "PS/2 Mouse", "Mouse Input").
/// <para>
/// Synchronisation: a first byte without bit 3 cannot start a packet and is dropped, so a stream that lost a
/// byte realigns within a few packets. A packet with an overflow bit carries meaningless motion and is
/// dropped whole. In an ID 4 packet, bits 6-7 of byte 3 must be 0; otherwise the packet is misaligned and
/// dropped. Each drop is counted.
/// </para>
/// </summary>
public unsafe struct MousePacketDecoder
{
    private fixed byte _bytes[4];
    private byte _count;

    /// <summary>A decoder for device <paramref name="deviceId"/>.</summary>
    public MousePacketDecoder(byte deviceId)
    {
        DeviceId = deviceId;
    }

    /// <summary>The device ID packets are decoded for (0, 3 or 4).</summary>
    public byte DeviceId { get; private set; }

    /// <summary>Bytes per packet for <see cref="DeviceId"/>.</summary>
    public readonly int PacketLength => DeviceId == 3 || DeviceId == 4 ? 4 : 3;

    /// <summary>First bytes dropped because bit 3 was clear (realignment).</summary>
    public ulong Resyncs { get; private set; }

    /// <summary>Packets dropped for an overflow bit or a malformed fourth byte.</summary>
    public ulong Overflows { get; private set; }

    /// <summary>Changes the device ID and starts a fresh packet.</summary>
    public void Reset(byte deviceId)
    {
        DeviceId = deviceId;
        _count = 0;
    }

    /// <summary>Starts a fresh packet (after the mouse was reconfigured).</summary>
    public void Realign() => _count = 0;

    /// <summary>Feeds one byte; on <see cref="DecodeStatus.Complete"/>, <paramref name="e"/> holds the motion and buttons.</summary>
    public DecodeStatus Feed(byte b, ref MouseEvent e)
    {
        if (_count == 0 && (b & 0x08) == 0)
        {
            Resyncs++;
            return DecodeStatus.Invalid;
        }
        _bytes[_count++] = b;
        if (_count < PacketLength)
        {
            return DecodeStatus.Pending;
        }
        _count = 0;
        byte head = _bytes[0];
        if ((head & 0xC0) != 0)
        {
            Overflows++;
            return DecodeStatus.Ignored;
        }
        int dx = _bytes[1] - ((head & 0x10) << 4);
        int dy = _bytes[2] - ((head & 0x20) << 3);
        MouseButtons buttons = (MouseButtons)(head & 0x07);
        sbyte wheel = 0;
        if (DeviceId == 3)
        {
            wheel = (sbyte)_bytes[3];
        }
        else if (DeviceId == 4)
        {
            byte extra = _bytes[3];
            if ((extra & 0xC0) != 0)
            {
                Overflows++;
                return DecodeStatus.Invalid;
            }
            // Bits 0-3: a 4-bit two's complement wheel value.
            wheel = (sbyte)((extra & 0x08) != 0 ? (extra & 0x0F) - 16 : extra & 0x0F);
            if ((extra & 0x10) != 0)
            {
                buttons |= MouseButtons.Button4;
            }
            if ((extra & 0x20) != 0)
            {
                buttons |= MouseButtons.Button5;
            }
        }
        e.Dx = (short)dx;
        e.Dy = (short)dy;
        e.Wheel = wheel;
        e.Buttons = buttons;
        e.DeviceId = DeviceId;
        return DecodeStatus.Complete;
    }
}
