namespace Internal.Runtime;

/// <summary>
/// One of ILC's NativeFormat hash tables, walked entry by entry. A header byte (bucket-count shift in the upper six
/// bits, offset size 1, 2 or 4 bytes in the lower two), then one offset per bucket plus an end offset; a bucket is a
/// run of (low hash byte, signed relative offset to the entry). The runtime reads every entry rather than hashing:
/// callers cache what they find, so each table is walked once per question, and no hash function of ILC's has to be
/// reproduced.
/// </summary>
internal unsafe struct NativeHashtable
{
    private readonly byte* _buckets;
    private readonly int _bucketCount;
    private readonly int _offsetSize;
    private int _bucket;
    private byte* _position;
    private byte* _bucketEnd;

    /// <summary>A walk over the table that starts at <paramref name="table"/> (null: an empty walk).</summary>
    public NativeHashtable(byte* table)
    {
        _bucket = -1;
        _position = null;
        _bucketEnd = null;
        if (table == null)
        {
            _buckets = null;
            _bucketCount = 0;
            _offsetSize = 1;
            return;
        }
        byte header = table[0];
        _buckets = table + 1;
        _bucketCount = 1 << (header >> 2);
        _offsetSize = 1 << (header & 3);
    }

    /// <summary>Moves to the next entry; false after the last. <paramref name="entry"/> is where the entry's data starts.</summary>
    public bool TryNext(out byte* entry)
    {
        while (_position >= _bucketEnd)
        {
            if (++_bucket >= _bucketCount)
            {
                entry = null;
                return false;
            }
            _position = _buckets + BucketOffset(_bucket);
            _bucketEnd = _buckets + BucketOffset(_bucket + 1);
        }
        _position++; // the low byte of the entry's hash code
        byte* offsetAt = _position;
        int delta = NativeFormatReader.ReadSigned(ref _position);
        entry = offsetAt + delta;
        return true;
    }

    private uint BucketOffset(int index) => _offsetSize switch
    {
        1 => _buckets[index],
        2 => ((ushort*)_buckets)[index],
        _ => ((uint*)_buckets)[index],
    };
}
