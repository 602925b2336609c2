namespace Redox.Drivers.Ps2;

/// <summary>
/// Turns the keyboard's byte stream into key strokes, for scancode set 1 (what the i8042 delivers with
/// translation on) or set 2 (translation off). Handles the 0xE0 extended prefix, set 2's 0xF0 break prefix,
/// Pause (set 1 <c>E1 1D 45</c> / <c>E1 9D C5</c>, set 2 <c>E1 14 77</c> / <c>E1 F0 14 F0 77</c>: reported as Pause
/// down then up, since the key sends no separate break), Print Screen (<c>E0 2A E0 37</c>, set 2
/// <c>E0 12 E0 7C</c>) and the "fake shifts" keyboards wrap around extended keys (E0 2A/E0 36/E0 AA/E0 B6,
/// set 2 E0 12/E0 59 and their breaks), which are not keys. A fake shift make right before an extended key is
/// kept in that key's raw bytes, so Print Screen reports <c>E0 2A E0 37</c>. A struct with no references:
/// one byte in, no allocation.
/// </summary>
public unsafe struct ScancodeDecoder
{
    private const byte Idle = 0;
    private const byte AfterE0 = 1;
    private const byte AfterE1 = 2;
    private const byte AfterF0 = 3;
    private const byte AfterE0F0 = 4;

    private fixed byte _raw[8];
    private byte _rawLength;
    private byte _state;
    private bool _prefixKept;
    private byte _e1Codes;
    private bool _e1Break;
    private byte _e1First;

    /// <summary>A decoder for <paramref name="set"/>.</summary>
    public ScancodeDecoder(ScancodeSet set)
    {
        Set = set;
    }

    /// <summary>The set being decoded.</summary>
    public ScancodeSet Set { get; private set; }

    /// <summary>Switches sets and forgets any partial sequence.</summary>
    public void Reset(ScancodeSet set)
    {
        Set = set;
        _state = Idle;
        _rawLength = 0;
        _prefixKept = false;
    }

    /// <summary>Feeds one byte; on <see cref="DecodeStatus.Complete"/>, <paramref name="stroke"/> holds the key.</summary>
    public DecodeStatus Feed(byte b, out KeyStroke stroke)
    {
        stroke = default;
        if (_state == Idle)
        {
            // A kept fake-shift prefix belongs only to an extended key that follows at once.
            if (!(_prefixKept && b == 0xE0))
            {
                _rawLength = 0;
            }
            _prefixKept = false;
        }
        if (_rawLength == 8)
        {
            // No valid sequence is this long: resynchronise on the next byte.
            Reset(Set);
            return DecodeStatus.Invalid;
        }
        _raw[_rawLength++] = b;
        return Set == ScancodeSet.Set1 ? FeedSet1(b, ref stroke) : FeedSet2(b, ref stroke);
    }

    private DecodeStatus FeedSet1(byte b, ref KeyStroke stroke)
    {
        switch (_state)
        {
            case AfterE0:
            {
                _state = Idle;
                byte code = (byte)(b & 0x7F);
                if (code == 0x2A || code == 0x36)
                {
                    _prefixKept = (b & 0x80) == 0;
                    return DecodeStatus.Ignored;
                }
                return Emit(ScancodeTables.Set1Extended[code], (b & 0x80) != 0, ref stroke);
            }
            case AfterE1:
                return FeedPause(b, 0x1D, 0x45, ref stroke);
        }
        if (b == 0xE0)
        {
            _state = AfterE0;
            return DecodeStatus.Pending;
        }
        if (b == 0xE1)
        {
            StartPause();
            return DecodeStatus.Pending;
        }
        if (IsTraffic(b))
        {
            return DecodeStatus.Ignored;
        }
        return Emit(ScancodeTables.Set1[b & 0x7F], (b & 0x80) != 0, ref stroke);
    }

    private DecodeStatus FeedSet2(byte b, ref KeyStroke stroke)
    {
        switch (_state)
        {
            case AfterE0:
                if (b == 0xF0)
                {
                    _state = AfterE0F0;
                    return DecodeStatus.Pending;
                }
                _state = Idle;
                if (b == 0x12 || b == 0x59)
                {
                    _prefixKept = true;
                    return DecodeStatus.Ignored;
                }
                return Emit(b < 0x80 ? ScancodeTables.Set2Extended[b] : (byte)0, false, ref stroke);
            case AfterE0F0:
                _state = Idle;
                if (b == 0x12 || b == 0x59)
                {
                    return DecodeStatus.Ignored;
                }
                return Emit(b < 0x80 ? ScancodeTables.Set2Extended[b] : (byte)0, true, ref stroke);
            case AfterF0:
                _state = Idle;
                return Emit(b < ScancodeTables.Set2.Length ? ScancodeTables.Set2[b] : (byte)0, true, ref stroke);
            case AfterE1:
                if (b == 0xF0)
                {
                    _e1Break = true;
                    return DecodeStatus.Pending;
                }
                return FeedPause(b, 0x14, 0x77, ref stroke);
        }
        switch (b)
        {
            case 0xE0:
                _state = AfterE0;
                return DecodeStatus.Pending;
            case 0xF0:
                _state = AfterF0;
                return DecodeStatus.Pending;
            case 0xE1:
                StartPause();
                return DecodeStatus.Pending;
            case Ps2Device.SelfTestPassed:
                // A keyboard plugged in again announces its self-test; not a key in set 2.
                return DecodeStatus.Ignored;
        }
        if (IsTraffic(b))
        {
            return DecodeStatus.Ignored;
        }
        return Emit(b < ScancodeTables.Set2.Length ? ScancodeTables.Set2[b] : (byte)0, false, ref stroke);
    }

    private void StartPause()
    {
        _state = AfterE1;
        _e1Codes = 0;
        _e1Break = false;
    }

    // Pause: two codes after E1. Set 1: 1D 45 (down) or 9D C5 (up). Set 2: 14 77, or F0 14 F0 77 (up).
    private DecodeStatus FeedPause(byte b, byte first, byte second, ref KeyStroke stroke)
    {
        if (_e1Codes == 0)
        {
            _e1First = b;
            _e1Codes = 1;
            return DecodeStatus.Pending;
        }
        _state = Idle;
        bool up;
        if (Set == ScancodeSet.Set1)
        {
            up = (_e1First & 0x80) != 0;
            if ((byte)(_e1First & 0x7F) != first || (byte)(b & 0x7F) != second || ((b & 0x80) != 0) != up)
            {
                return DecodeStatus.Invalid;
            }
        }
        else
        {
            up = _e1Break;
            if (_e1First != first || b != second)
            {
                return DecodeStatus.Invalid;
            }
        }
        return Emit(HidUsage.Pause, up, ref stroke);
    }

    private DecodeStatus Emit(byte usage, bool isBreak, ref KeyStroke stroke)
    {
        _state = Idle;
        if (usage == HidUsage.None)
        {
            return DecodeStatus.Invalid;
        }
        stroke.Usage = usage;
        stroke.Break = isBreak;
        stroke.RawLength = _rawLength;
        for (int i = 0; i < _rawLength; i++)
        {
            stroke.Raw[i] = _raw[i];
        }
        return DecodeStatus.Complete;
    }

    // Acknowledge, resend, echo and the two overrun codes arrive in the same stream but are not keys.
    private static bool IsTraffic(byte b)
        => b == Ps2Device.Ack || b == Ps2Device.Resend || b == Ps2Device.Echo || b == Ps2Device.Overrun || b == Ps2Device.OverrunSet1;
}
