namespace Redox.TwoWorlds;

/// <summary>Code that throws and catches, for callers in other assemblies and for the digest.</summary>
public static class Failures
{
    private static int s_guardedRuns;

    /// <summary>How many times <see cref="Guarded"/> ran its finally block.</summary>
    public static int GuardedRuns => s_guardedRuns;

    /// <summary>The port number after the colon of <c>scheme:port</c>; throws <see cref="FormatException"/> if it is not a number.</summary>
    public static int ParsePort(ReadOnlySpan<byte> path)
    {
        if (!SchemePath.TrySplit(path, out _, out ReadOnlySpan<byte> reference) || reference.Length == 0)
            throw new FormatException("no port");
        int port = 0;
        foreach (byte b in reference)
        {
            if (b < (byte)'0' || b > (byte)'9') throw new FormatException("not a number");
            port = checked(port * 10 + (b - '0'));
        }
        return port;
    }

    /// <summary>Runs <paramref name="action"/>; 1000 plus the message length of an <see cref="InvalidOperationException"/> it throws, else 0.</summary>
    public static int Guarded(Action action)
    {
        int result = 0;
        try
        {
            action();
        }
        catch (InvalidOperationException e) when (e.Message.Length > 0)
        {
            result = 1000 + e.Message.Length;
        }
        finally
        {
            s_guardedRuns++;
        }
        return result;
    }

    /// <summary>Folds a sequence of throws and catches into <paramref name="digest"/>.</summary>
    public static uint Digest(uint digest)
    {
        ReadOnlySpan<byte> ports = "ps2:60\0ps2:x\0ps2:\0ps2:99999999999\0serio:1"u8;
        while (ports.Length > 0)
        {
            int end = ports.IndexOf((byte)0);
            ReadOnlySpan<byte> path = end < 0 ? ports : ports.Slice(0, end);
            ports = end < 0 ? default : ports.Slice(end + 1);
            try
            {
                digest = digest * 31 + (uint)ParsePort(path);
            }
            catch (FormatException e)
            {
                digest = digest * 31 + (uint)e.Message.Length;
            }
            catch (OverflowException)
            {
                digest = digest * 31 + 0xFFFF;
            }
            finally
            {
                digest ^= 0x5A;
            }
        }
        return digest;
    }
}
