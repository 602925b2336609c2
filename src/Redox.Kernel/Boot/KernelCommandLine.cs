namespace Redox.Kernel.Boot;

/// <summary>The kernel command line: space-separated words such as <c>redox.exit=qemu</c> or <c>redox.test=heap</c>.</summary>
public static unsafe class KernelCommandLine
{
    private static byte* s_text;
    private static int s_length;

    /// <summary>The command line the loader passed (empty before boot or on the host).</summary>
    public static ReadOnlySpan<byte> Current => new ReadOnlySpan<byte>(s_text, s_length);

    /// <summary>Remembers the command line (it lives in the boot information, which stays mapped).</summary>
    public static void Set(ReadOnlySpan<byte> commandLine)
    {
        fixed (byte* text = commandLine) s_text = text;
        s_length = commandLine.Length;
    }

    /// <summary>True when <paramref name="word"/> appears as a whole word.</summary>
    public static bool HasWord(ReadOnlySpan<byte> commandLine, ReadOnlySpan<byte> word)
    {
        ReadOnlySpan<byte> rest = commandLine;
        while (TakeWord(ref rest, out ReadOnlySpan<byte> current))
        {
            if (current.SequenceEqual(word)) return true;
        }
        return false;
    }

    /// <summary>The value of the first <c>key=value</c> word whose key is <paramref name="key"/>.</summary>
    public static bool TryGetValue(ReadOnlySpan<byte> commandLine, ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> rest = commandLine;
        while (TakeWord(ref rest, out ReadOnlySpan<byte> word))
        {
            if (word.Length > key.Length && word[key.Length] == (byte)'=' && word.Slice(0, key.Length).SequenceEqual(key))
            {
                value = word.Slice(key.Length + 1);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Splits off the next space-separated word (empty words between double spaces included).</summary>
    private static bool TakeWord(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> word)
    {
        if (rest.IsEmpty)
        {
            word = default;
            return false;
        }
        int space = rest.IndexOf((byte)' ');
        word = space < 0 ? rest : rest.Slice(0, space);
        rest = space < 0 ? default : rest.Slice(space + 1);
        return true;
    }
}
