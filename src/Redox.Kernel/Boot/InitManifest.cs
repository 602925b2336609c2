namespace Redox.Kernel.Boot;

/// <summary>
/// The initfs manifest (<c>etc/init</c>, written by Redox.Sdk from the image project's process list): one program
/// per line, in start order, as its initfs path followed by <c>key=value</c> words; <c>#</c> starts a comment.
/// <code>
/// bin/hello name=hello -- first second
/// </code>
/// Keys the kernel reads today: <c>name</c> (for logs and argv[0]; defaults to the path); <c>scheme</c> (the scheme a
/// driver serves: it makes the program a daemon, stopped by the kernel once the other programs are done);
/// <c>restart</c> (how many times a program that fails is started again); <c>ports</c> (the I/O ports a driver may use:
/// <c>0x70-0x71,0x80</c>; any other port faults it). Words after <c>--</c> are the program's
/// arguments. Unknown keys are ignored, so later kernels can add grants (ports, IRQs, scheme)
/// without breaking older manifests.
/// </summary>
public static class InitManifest
{
    /// <summary>
    /// The next program line from <paramref name="position"/> on: its path and the whole line (for
    /// <see cref="Option"/>). False at the end of the text.
    /// </summary>
    public static bool TryNext(ReadOnlySpan<byte> text, ref int position, out ReadOnlySpan<byte> path, out ReadOnlySpan<byte> line)
    {
        while (position < text.Length)
        {
            ReadOnlySpan<byte> rest = text.Slice(position);
            int newline = rest.IndexOf((byte)'\n');
            line = newline < 0 ? rest : rest.Slice(0, newline);
            position += newline < 0 ? rest.Length : newline + 1;
            int comment = line.IndexOf((byte)'#');
            if (comment >= 0) line = line.Slice(0, comment);
            line = Trim(line);
            if (line.IsEmpty) continue;
            int space = line.IndexOf((byte)' ');
            path = space < 0 ? line : line.Slice(0, space);
            return true;
        }
        path = default;
        line = default;
        return false;
    }

    /// <summary>The value of <c>key=value</c> on a program line (before any <c>--</c>), or <paramref name="fallback"/>.</summary>
    public static ReadOnlySpan<byte> Option(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key, ReadOnlySpan<byte> fallback)
    {
        ReadOnlySpan<byte> arguments = Arguments(line);
        ReadOnlySpan<byte> options = arguments.IsEmpty ? line : line.Slice(0, line.Length - arguments.Length);
        return KernelCommandLine.TryGetValue(options, key, out ReadOnlySpan<byte> value) ? value : fallback;
    }

    /// <summary>The words after a <c>--</c> word on a program line (empty when there is none).</summary>
    public static ReadOnlySpan<byte> Arguments(ReadOnlySpan<byte> line)
    {
        for (int i = 1; i + 1 < line.Length; i++)
        {
            bool marker = line[i - 1] == (byte)' ' && line[i] == (byte)'-' && line[i + 1] == (byte)'-' &&
                          (i + 2 == line.Length || line[i + 2] == (byte)' ');
            if (marker) return i + 2 >= line.Length ? default : Trim(line.Slice(i + 2));
        }
        return default;
    }

    /// <summary>A decimal number option's value (at most 9 digits), or <paramref name="fallback"/> when it is not one.</summary>
    public static int Number(ReadOnlySpan<byte> text, int fallback)
    {
        if (text.IsEmpty || text.Length > 9) return fallback;
        int value = 0;
        foreach (byte b in text)
        {
            if (b < (byte)'0' || b > (byte)'9') return fallback;
            value = value * 10 + (b - (byte)'0');
        }
        return value;
    }

    /// <summary>A decimal or <c>0x</c> hexadecimal number of at most <paramref name="max"/>; false when it is not one.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> text, ulong max, out ulong value)
    {
        value = 0;
        ulong radix = 10;
        if (text.Length > 2 && text[0] == (byte)'0' && (text[1] == (byte)'x' || text[1] == (byte)'X'))
        {
            radix = 16;
            text = text.Slice(2);
        }
        if (text.IsEmpty || text.Length > 16) return false;
        foreach (byte b in text)
        {
            ulong digit = b >= (byte)'0' && b <= (byte)'9' ? (ulong)(b - '0')
                : b >= (byte)'a' && b <= (byte)'f' ? (ulong)(b - 'a' + 10)
                : b >= (byte)'A' && b <= (byte)'F' ? (ulong)(b - 'A' + 10) : 99;
            if (digit >= radix || value > (max - digit) / radix) return false;
            value = value * radix + digit;
        }
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        int start = 0, end = text.Length;
        while (start < end && (text[start] == (byte)' ' || text[start] == (byte)'\t' || text[start] == (byte)'\r')) start++;
        while (end > start && (text[end - 1] == (byte)' ' || text[end - 1] == (byte)'\t' || text[end - 1] == (byte)'\r')) end--;
        return text.Slice(start, end - start);
    }
}
