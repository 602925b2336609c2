using System;
using System.Collections.Generic;
using System.Linq;
using Internal.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// Walking ILC's NativeFormat hash tables: a real <c>__gvm_table</c> as ILC 10.0.12 wrote it, and tables built here
/// with several buckets, empty buckets and wider offsets.
/// </summary>
public sealed unsafe class NativeHashtableTests
{
    // ILC 10.0.12's __gvm_table for Base.Encode<T>/Tag<T> overridden by Derived, and IVisitor.Visit<T> implemented by
    // V1 and V2 (compiled with reflection metadata on; read out of the object file). Each entry: calling type
    // index, implementing type index, calling method handle, implementing method handle.
    private const string IlcGvmTable =
        "00020f001800440070000901a21ea24a1c1c0f410300500f410300501c1e0f410300500f650300501c1c0f4f0300500f4f0300501c1e" +
        "0f4f0300500f7103005022220f970300500f9703005024240f970300500f97030050";

    [Fact]
    public void A_table_written_by_ILC_yields_every_entry_with_its_method_handles()
    {
        byte[] table = Convert.FromHexString(IlcGvmTable);
        var entries = new List<(uint CallingType, uint ImplementingType, uint CallingMethod, uint ImplementingMethod)>();
        fixed (byte* start = table)
        {
            var walk = new NativeHashtable(start);
            while (walk.TryNext(out byte* entry))
            {
                entries.Add((NativeFormatReader.ReadUnsigned(ref entry), NativeFormatReader.ReadUnsigned(ref entry),
                    NativeFormatReader.ReadUnsigned(ref entry), NativeFormatReader.ReadUnsigned(ref entry)));
            }
        }

        Assert.Equal(
            [
                (14u, 14u, 0x50000341u, 0x50000341u),   // Base.Encode in Base
                (14u, 14u, 0x5000034Fu, 0x5000034Fu),   // Base.Tag in Base
                (17u, 17u, 0x50000397u, 0x50000397u),
                (18u, 18u, 0x50000397u, 0x50000397u),
                (14u, 15u, 0x50000341u, 0x50000365u),   // Base.Encode overridden by Derived.Encode
                (14u, 15u, 0x5000034Fu, 0x50000371u),   // Base.Tag overridden by Derived.Tag: another handle
            ],
            entries);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_entry_of_every_bucket_is_visited_once_with_empty_buckets_skipped(int offsetSize)
    {
        // Four buckets: {10, 11}, {}, {12}, {} — payloads are one-byte unsigned values.
        byte[] table = Build(offsetSize, [[10, 11], [], [12], []]);
        var seen = new List<uint>();
        fixed (byte* start = table)
        {
            var walk = new NativeHashtable(start);
            while (walk.TryNext(out byte* entry)) seen.Add(NativeFormatReader.ReadUnsigned(ref entry));
        }

        Assert.Equal([10u, 11u, 12u], seen);
    }

    [Fact]
    public void A_missing_table_is_an_empty_walk()
    {
        var walk = new NativeHashtable(null);
        Assert.False(walk.TryNext(out _));
    }

    // The layout as the format describes it: a header byte (bucket-count shift, offset size), bucket offsets plus an
    // end offset (from just after the header), then each bucket's (low hash byte, one-byte relative offset) pairs,
    // then the payloads. Relative offsets count from the offset byte itself.
    private static byte[] Build(int offsetSize, byte[][] buckets)
    {
        int shift = 0;
        while (1 << shift < buckets.Length) shift++;
        int sizeCode = offsetSize == 1 ? 0 : offsetSize == 2 ? 1 : 2;
        int offsetsLength = (buckets.Length + 1) * offsetSize;
        int pairs = buckets.Sum(b => b.Length);
        var data = new byte[1 + offsetsLength + pairs * 2 + pairs];
        data[0] = (byte)(shift << 2 | sizeCode);
        int pairAt = 1 + offsetsLength, payloadAt = pairAt + pairs * 2;
        for (int bucket = 0; bucket <= buckets.Length; bucket++)
        {
            WriteOffset(data, 1 + bucket * offsetSize, offsetSize, pairAt - 1);
            if (bucket == buckets.Length) break;
            foreach (byte payload in buckets[bucket])
            {
                data[pairAt] = 0x5A;                                         // low hash byte: unused by the walk
                int delta = payloadAt - (pairAt + 1);
                data[pairAt + 1] = (byte)(delta << 1);                       // one-byte signed value
                data[payloadAt++] = (byte)(payload << 1);                    // one-byte unsigned value
                pairAt += 2;
            }
        }
        return data;
    }

    private static void WriteOffset(byte[] data, int at, int size, int value)
    {
        for (int i = 0; i < size; i++) data[at + i] = (byte)(value >> (8 * i));
    }
}
