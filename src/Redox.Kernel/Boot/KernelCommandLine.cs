namespace Redox.Kernel.Boot;

/// <summary>The kernel command line: space-separated words such as <c>redox.exit=qemu</c>.</summary>
public static class KernelCommandLine
{
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
}
