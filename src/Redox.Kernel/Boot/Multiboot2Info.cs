using System.Runtime.InteropServices;

namespace Redox.Kernel.Boot;

/// <summary>
/// Reads the multiboot2 boot information (multiboot2 spec 3.6): a total size, then 8-byte aligned tags
/// (type, size, payload) up to an end tag. Only bytes inside the stated total size are read; a malformed tag
/// ends the walk instead of reading past the blob. Works on any span, so host tests feed it captured blobs.
/// </summary>
public readonly ref struct Multiboot2Info
{
    /// <summary>The magic a multiboot2 loader leaves in EAX.</summary>
    public const uint BootloaderMagic = 0x36D76289;

    private const uint TagEnd = 0, TagCommandLine = 1, TagBootloaderName = 2, TagModule = 3, TagMemoryMap = 6;

    private readonly ReadOnlySpan<byte> _blob;

    private Multiboot2Info(ReadOnlySpan<byte> blob) => _blob = blob;

    /// <summary>Validates the header; false when the size field is impossible.</summary>
    public static bool TryParse(ReadOnlySpan<byte> blob, out Multiboot2Info info)
    {
        info = default;
        if (blob.Length < 8) return false;
        uint total = MemoryMarshal.Read<uint>(blob);
        if (total < 8 || total > (uint)blob.Length) return false;
        info = new Multiboot2Info(blob.Slice(0, (int)total));
        return true;
    }

    /// <summary>Reads the total size at <paramref name="address"/> and parses that many bytes.</summary>
    public static unsafe bool TryParse(byte* address, out Multiboot2Info info)
    {
        uint total = *(uint*)address;
        return TryParse(new ReadOnlySpan<byte>(address, (int)(total > 1 << 20 ? 8 : total)), out info);
    }

    /// <summary>Bytes of boot information.</summary>
    public int TotalSize => _blob.Length;

    /// <summary>The kernel command line (without its NUL), or empty.</summary>
    public ReadOnlySpan<byte> CommandLine => CString(FindTag(TagCommandLine));

    /// <summary>The loader's name (without its NUL), or empty.</summary>
    public ReadOnlySpan<byte> BootloaderName => CString(FindTag(TagBootloaderName));

    /// <summary>Number of memory map entries.</summary>
    public int MemoryRegionCount
    {
        get
        {
            ReadOnlySpan<byte> map = FindTag(TagMemoryMap);
            if (map.Length < 8) return 0;
            uint entrySize = MemoryMarshal.Read<uint>(map);
            return entrySize < 24 || entrySize > (uint)(map.Length - 8) ? 0 : (map.Length - 8) / (int)entrySize;
        }
    }

    /// <summary>The memory map entry at <paramref name="index"/>.</summary>
    public MemoryRegion MemoryRegion(int index)
    {
        ReadOnlySpan<byte> map = FindTag(TagMemoryMap);
        uint entrySize = MemoryMarshal.Read<uint>(map);
        ReadOnlySpan<byte> entry = map.Slice(8 + index * (int)entrySize, 24);
        return new MemoryRegion(MemoryMarshal.Read<ulong>(entry), MemoryMarshal.Read<ulong>(entry.Slice(8)),
            (MemoryRegionKind)MemoryMarshal.Read<uint>(entry.Slice(16)));
    }

    /// <summary>Number of boot modules.</summary>
    public int ModuleCount
    {
        get
        {
            int count = 0;
            for (int offset = 8; TryTagAt(offset, out uint type, out int size); offset += Align8(size))
            {
                if (type == TagModule) count++;
            }
            return count;
        }
    }

    /// <summary>
    /// Boot module <paramref name="index"/> (multiboot2 tag 3): its physical extent [start, end) and its command
    /// line (GRUB's <c>module2 file string</c>); false when there is no such module or its tag is malformed.
    /// </summary>
    public bool TryGetModule(int index, out ulong start, out ulong end, out ReadOnlySpan<byte> name)
    {
        for (int offset = 8; TryTagAt(offset, out uint type, out int size); offset += Align8(size))
        {
            if (type != TagModule || index-- != 0) continue;
            start = end = 0;
            name = default;
            if (size < 16) return false;
            ReadOnlySpan<byte> payload = _blob.Slice(offset + 8, size - 8);
            start = MemoryMarshal.Read<uint>(payload);
            end = MemoryMarshal.Read<uint>(payload.Slice(4));
            name = CString(payload.Slice(8));
            return end >= start;
        }
        start = end = 0;
        name = default;
        return false;
    }

    /// <summary>The payload of the first tag of <paramref name="type"/> (after type and size), or empty.</summary>
    public ReadOnlySpan<byte> FindTag(uint type)
    {
        for (int offset = 8; TryTagAt(offset, out uint tagType, out int size); offset += Align8(size))
        {
            if (tagType == type) return _blob.Slice(offset + 8, size - 8);
        }
        return default;
    }

    private bool TryTagAt(int offset, out uint type, out int size)
    {
        type = TagEnd;
        size = 0;
        if (offset + 8 > _blob.Length) return false;
        type = MemoryMarshal.Read<uint>(_blob.Slice(offset));
        uint rawSize = MemoryMarshal.Read<uint>(_blob.Slice(offset + 4));
        if (type == TagEnd || rawSize < 8 || rawSize > (uint)(_blob.Length - offset)) return false;
        size = (int)rawSize;
        return true;
    }

    private static int Align8(int value) => (value + 7) & ~7;

    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> payload)
    {
        int end = payload.IndexOf((byte)0);
        return end < 0 ? payload : payload.Slice(0, end);
    }
}
