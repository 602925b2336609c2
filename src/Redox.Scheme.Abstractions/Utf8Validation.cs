using System;

namespace Redox.Scheme;

/// <summary>
/// Strict UTF-8 validation (RFC 3629) without the framework's text APIs, which bare metal lacks:
/// rejects overlong forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences.
/// </summary>
public static class Utf8Validation
{
    /// <summary>True when <paramref name="bytes"/> is well-formed UTF-8.</summary>
    [NoAlloc]
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            byte b0 = bytes[i];
            if (b0 < 0x80)
            {
                i++;
                continue;
            }
            int need;
            byte lo = 0x80;
            byte hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                need = 1;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                need = 2;
                if (b0 == 0xE0)
                {
                    lo = 0xA0; // no overlong 3-byte forms
                }
                else if (b0 == 0xED)
                {
                    hi = 0x9F; // no surrogates
                }
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                need = 3;
                if (b0 == 0xF0)
                {
                    lo = 0x90; // no overlong 4-byte forms
                }
                else if (b0 == 0xF4)
                {
                    hi = 0x8F; // nothing above U+10FFFF
                }
            }
            else
            {
                return false; // continuation byte first, C0/C1 overlong leads, F5..FF
            }
            if (bytes.Length - i <= need)
            {
                return false;
            }
            byte b1 = bytes[i + 1];
            if (b1 < lo || b1 > hi)
            {
                return false;
            }
            for (int k = 2; k <= need; k++)
            {
                byte b = bytes[i + k];
                if (b < 0x80 || b > 0xBF)
                {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
