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
        int position = 0;
        while (TakeWord(commandLine, ref position, out ReadOnlySpan<byte> current))
        {
            if (current.SequenceEqual(word)) return true;
        }
        return false;
    }

    /// <summary>The value of the first <c>key=value</c> word whose key is <paramref name="key"/>.</summary>
    public static bool TryGetValue(ReadOnlySpan<byte> commandLine, ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        int position = 0;
        while (TakeWord(commandLine, ref position, out ReadOnlySpan<byte> word))
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

    /// <summary>The next space-separated word of <paramref name="text"/> from <paramref name="position"/> (empty words between double spaces included).</summary>
    private static bool TakeWord(ReadOnlySpan<byte> text, scoped ref int position, out ReadOnlySpan<byte> word)
    {
        if (position >= text.Length)
        {
            word = default;
            return false;
        }
        ReadOnlySpan<byte> rest = text.Slice(position);
        int space = rest.IndexOf((byte)' ');
        word = space < 0 ? rest : rest.Slice(0, space);
        position += space < 0 ? rest.Length : space + 1;
        return true;
    }
}
