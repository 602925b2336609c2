using Redox.Runtime;
using Redox.Syscall;

/// <summary>The daemon's messages: "&lt;program name&gt;: text[errno N]\n", each written with one call so it reaches the console whole.</summary>
public static class DaemonLog
{
    /// <summary>Writes one line to <paramref name="fd"/>; with an error <paramref name="result"/>, its errno is appended.</summary>
    public static void Line(nuint fd, ReadOnlySpan<byte> text, SyscallResult result)
    {
        Span<byte> line = stackalloc byte[160];
        int length = 0;
        Append(line, ref length, Process.Argument(0));
        Append(line, ref length, ": "u8);
        Append(line, ref length, text);
        if (result.IsError)
        {
            Append(line, ref length, "errno "u8);
            Span<byte> digits = stackalloc byte[4];
            int code = (int)result.Error, n = 0;
            do
            {
                digits[3 - n++] = (byte)('0' + code % 10);
                code /= 10;
            } while (code != 0 && n < 4);
            Append(line, ref length, digits.Slice(4 - n));
        }
        if (length == line.Length) length--;
        line[length++] = (byte)'\n';
        Sys.Write(fd, line.Slice(0, length));
    }

    private static void Append(Span<byte> line, ref int length, ReadOnlySpan<byte> text)
    {
        int n = text.Length < line.Length - length ? text.Length : line.Length - length;
        text.Slice(0, n).CopyTo(line.Slice(length));
        length += n;
    }
}
