using System;

namespace Samples.Drivers.RamDisk;

/// <summary>
/// The "hardware" of the RAM disk: a byte store of whole blocks, allocated once. A real block driver
/// would talk to its controller's registers here; the scheme above stays the same.
/// </summary>
public sealed class RamDiskController
{
    /// <summary>Bytes per block.</summary>
    public const int BlockSize = 512;

    private readonly byte[] _storage;

    /// <summary>A disk of <paramref name="blocks"/> blocks (at least one).</summary>
    public RamDiskController(int blocks)
    {
        _storage = new byte[(blocks < 1 ? 1 : blocks) * BlockSize];
    }

    /// <summary>Size in bytes.</summary>
    public ulong Size => (ulong)_storage.Length;

    /// <summary>Number of blocks.</summary>
    public ulong Blocks => (ulong)(_storage.Length / BlockSize);

    /// <summary>Copies from <paramref name="offset"/> into <paramref name="destination"/>; returns bytes copied (0 at or past the end).</summary>
    public int Read(ulong offset, Span<byte> destination)
    {
        if (offset >= Size)
        {
            return 0;
        }
        int n = Fit(offset, destination.Length);
        new ReadOnlySpan<byte>(_storage, (int)offset, n).CopyTo(destination);
        return n;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="offset"/>; returns bytes stored (0 at or past the end).</summary>
    public int Write(ulong offset, ReadOnlySpan<byte> source)
    {
        if (offset >= Size)
        {
            return 0;
        }
        int n = Fit(offset, source.Length);
        source.Slice(0, n).CopyTo(new Span<byte>(_storage, (int)offset, n));
        return n;
    }

    // How many of length bytes fit from offset (offset is below Size). No Math on bare metal.
    private int Fit(ulong offset, int length)
    {
        ulong room = Size - offset;
        return (ulong)length < room ? length : (int)room;
    }
}
