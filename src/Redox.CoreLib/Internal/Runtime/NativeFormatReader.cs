namespace Internal.Runtime;

/// <summary>
/// Reads ILC's NativeFormat encoding (the format of its generic-virtual-method and exact-instantiation tables):
/// integers of one to five bytes whose lowest set bits say the length (x0: 7 bits in one byte, x01: 14 bits in two,
/// x011: 21 in three, x0111: 28 in four, 01111: a full 32-bit value in the next four).
/// </summary>
internal static unsafe class NativeFormatReader
{
    /// <summary>The unsigned integer at <paramref name="position"/>; moves <paramref name="position"/> past it.</summary>
    public static uint ReadUnsigned(ref byte* position)
    {
        byte* p = position;
        uint first = p[0];
        uint value;
        if ((first & 1) == 0) { value = first >> 1; position = p + 1; }
        else if ((first & 2) == 0) { value = (first >> 2) | ((uint)p[1] << 6); position = p + 2; }
        else if ((first & 4) == 0) { value = (first >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13); position = p + 3; }
        else if ((first & 8) == 0) { value = (first >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20); position = p + 4; }
        else { value = *(uint*)(p + 1); position = p + 5; }
        return value;
    }

    /// <summary>The signed integer at <paramref name="position"/> (same lengths, sign in the top bit of the value).</summary>
    public static int ReadSigned(ref byte* position)
    {
        byte* start = position;
        uint first = start[0];
        uint raw = ReadUnsigned(ref position);
        int bits = (first & 1) == 0 ? 7 : (first & 2) == 0 ? 14 : (first & 4) == 0 ? 21 : (first & 8) == 0 ? 28 : 32;
        return bits == 32 ? (int)raw : (int)(raw << (32 - bits)) >> (32 - bits);
    }
}
