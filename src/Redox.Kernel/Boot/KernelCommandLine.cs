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
        int start = 0;
        for (int i = 0; i <= commandLine.Length; i++)
        {
            if (i == commandLine.Length || commandLine[i] == (byte)' ')
            {
                if (commandLine.Slice(start, i - start).SequenceEqual(word)) return true;
                start = i + 1;
            }
        }
        return false;
    }

    /// <summary>The value of the first <c>key=value</c> word whose key is <paramref name="key"/>.</summary>
    public static bool TryGetValue(ReadOnlySpan<byte> commandLine, ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        int start = 0;
        for (int i = 0; i <= commandLine.Length; i++)
        {
            if (i == commandLine.Length || commandLine[i] == (byte)' ')
            {
                ReadOnlySpan<byte> word = commandLine.Slice(start, i - start);
                if (word.Length > key.Length && word[key.Length] == (byte)'=' && word.Slice(0, key.Length).SequenceEqual(key))
                {
                    value = word.Slice(key.Length + 1);
                    return true;
                }
                start = i + 1;
            }
        }
        value = default;
        return false;
    }
}
