namespace Redox.TwoWorlds;

/// <summary>Splits a Redox path <c>scheme:reference</c> (UTF-8) without allocating.</summary>
public static class SchemePath
{
    /// <summary>False when there is no ':' or the scheme is empty.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> path, out ReadOnlySpan<byte> scheme, out ReadOnlySpan<byte> reference)
    {
        int colon = path.IndexOf((byte)':');
        if (colon <= 0)
        {
            scheme = default;
            reference = default;
            return false;
        }
        scheme = path.Slice(0, colon);
        reference = path.Slice(colon + 1);
        return true;
    }
}
