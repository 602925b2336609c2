using System.Runtime.InteropServices;

namespace Redox.Kernel.Boot;

/// <summary>
/// The initfs: the boot module Redox.Sdk packs with an image's programs and their manifest. A flat, read-only
/// archive, validated whole before use (every name and every file inside the module):
/// <code>
/// 0   "RDXINIT1"          magic and version
/// 8   u32 count           entries
/// 12  u32 reserved (0)
/// 16  count x 24 bytes:   u32 name offset, u32 name length, u64 data offset, u64 data length
/// ..  names (UTF-8, no terminator) and file data, anywhere after the table
/// </code>
/// The file named <see cref="ManifestName"/> lists the programs the kernel starts (see <see cref="InitManifest"/>).
/// </summary>
public readonly ref struct Initfs
{
    /// <summary>The manifest's name inside the archive.</summary>
    public static ReadOnlySpan<byte> ManifestName => "etc/init"u8;

    /// <summary>Most entries an archive may hold.</summary>
    public const int MaxEntries = 4096;

    private const int HeaderSize = 16, EntrySize = 24, MaxNameLength = 255;

    private readonly ReadOnlySpan<byte> _module;

    private Initfs(ReadOnlySpan<byte> module, int count)
    {
        _module = module;
        Count = count;
    }

    /// <summary>Number of files.</summary>
    public int Count { get; }

    /// <summary>Validates <paramref name="module"/>; false (and nothing to use) when any part lies outside it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> module, out Initfs initfs)
    {
        initfs = default;
        if (module.Length < HeaderSize || !module.Slice(0, 8).SequenceEqual("RDXINIT1"u8)) return false;
        uint count = MemoryMarshal.Read<uint>(module.Slice(8));
        if (count > MaxEntries || (ulong)module.Length < HeaderSize + (ulong)count * EntrySize) return false;
        for (int i = 0; i < (int)count; i++)
        {
            ReadOnlySpan<byte> entry = module.Slice(HeaderSize + i * EntrySize, EntrySize);
            ulong nameOffset = MemoryMarshal.Read<uint>(entry), nameLength = MemoryMarshal.Read<uint>(entry.Slice(4));
            ulong dataOffset = MemoryMarshal.Read<ulong>(entry.Slice(8)), dataLength = MemoryMarshal.Read<ulong>(entry.Slice(16));
            if (nameLength == 0 || nameLength > MaxNameLength || !Inside(nameOffset, nameLength, module.Length) ||
                !Inside(dataOffset, dataLength, module.Length)) return false;
        }
        initfs = new Initfs(module, (int)count);
        return true;
    }

    /// <summary>The name of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Name(int index)
    {
        ReadOnlySpan<byte> entry = Entry(index);
        return _module.Slice((int)MemoryMarshal.Read<uint>(entry), (int)MemoryMarshal.Read<uint>(entry.Slice(4)));
    }

    /// <summary>The bytes of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Data(int index)
    {
        ReadOnlySpan<byte> entry = Entry(index);
        return _module.Slice((int)MemoryMarshal.Read<ulong>(entry.Slice(8)), (int)MemoryMarshal.Read<ulong>(entry.Slice(16)));
    }

    /// <summary>The index of the file named <paramref name="name"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Name(i).SequenceEqual(name)) return i;
        }
        return -1;
    }

    private ReadOnlySpan<byte> Entry(int index) => _module.Slice(HeaderSize + index * EntrySize, EntrySize);

    private static bool Inside(ulong offset, ulong length, int total) =>
        offset <= (ulong)total && length <= (ulong)total - offset && offset + length <= int.MaxValue;
}
