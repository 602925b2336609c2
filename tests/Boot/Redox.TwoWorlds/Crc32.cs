namespace Redox.TwoWorlds;

/// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit: no tables, no allocation.</summary>
public static class Crc32
{
    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
