using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// Lines of an image's serial console. The console has no lock: a writer preempted in the middle of its line resumes
/// after whole lines of others, so a line is found with such insertions skipped.
/// </summary>
internal static class ConsoleLines
{
    /// <summary>Where <paramref name="line"/> is in <paramref name="text"/> (see <see cref="FindLine"/>); fails, showing the text, when nowhere.</summary>
    public static int AssertLine(string text, string line)
    {
        int at = FindLine(text, line);
        Assert.True(at >= 0, $"line not found: {line}\n{text}");
        return at;
    }

    /// <summary>
    /// Where <paramref name="line"/> starts in <paramref name="text"/> (-1: nowhere), allowing whole lines of other writers
    /// inside it: where the next character does not match, the rest of that line is skipped. In the line, <c>#</c> stands for
    /// a decimal number.
    /// </summary>
    public static int FindLine(string text, string line)
    {
        for (int start = text.IndexOf(line[0]); start >= 0; start = text.IndexOf(line[0], start + 1))
        {
            int i = start, j = 0;
            while (j < line.Length && i < text.Length)
            {
                if (line[j] == '#' && char.IsAsciiDigit(text[i]))
                {
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                    j++;
                }
                else if (line[j] == text[i])
                {
                    i++;
                    j++;
                }
                else
                {
                    int end = j == 0 ? -1 : text.IndexOf('\n', i);
                    if (end < 0) break;
                    i = end + 1;
                }
            }
            if (j == line.Length) return start;
        }
        return -1;
    }
}
