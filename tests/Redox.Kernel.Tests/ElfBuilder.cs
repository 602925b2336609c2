using System;
using System.Collections.Generic;
using System.IO;

namespace Redox.Kernel.Tests;

/// <summary>Writes small ELF64 x86-64 executables for the loader tests: a header, program headers, segment bytes.</summary>
public sealed class ElfBuilder
{
    public const uint Load = 1, Execute = 1, Write = 2, Read = 4;

    private readonly List<(uint Type, uint Flags, ulong Offset, ulong Address, ulong FileSize, ulong MemorySize, byte[] Bytes)> _segments = new();

    public ulong Entry { get; set; } = 0x400000;

    /// <summary>Adds a segment whose bytes are placed at a file offset congruent to its address modulo 4 KiB.</summary>
    public ElfBuilder Segment(ulong address, byte[] bytes, ulong memorySize, uint flags, uint type = Load)
    {
        _segments.Add((type, flags, 0, address, (ulong)bytes.Length, memorySize, bytes));
        return this;
    }

    /// <summary>A typical program: code at 4 MiB, read-only data, and data with a bss tail.</summary>
    public static ElfBuilder Typical()
    {
        var builder = new ElfBuilder { Entry = 0x400010 };
        builder.Segment(0x400000, Pattern(0x300, 1), 0x300, Read | Execute);
        builder.Segment(0x401000, Pattern(0x80, 2), 0x80, Read);
        builder.Segment(0x402000, Pattern(0x123, 3), 0x2500, Read | Write);
        return builder;
    }

    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 7 + seed);
        return bytes;
    }

    public byte[] Build()
    {
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        int headers = _segments.Count;
        ulong offset = 0x1000;
        var offsets = new ulong[headers];
        for (int i = 0; i < headers; i++)
        {
            ulong misalign = _segments[i].Address & 0xFFF;
            offsets[i] = offset + misalign;
            offset = (offsets[i] + (ulong)_segments[i].Bytes.Length + 0xFFF) & ~0xFFFUL;
        }
        writer.Write(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        writer.Write((ushort)2);          // ET_EXEC
        writer.Write((ushort)62);         // EM_X86_64
        writer.Write(1u);                 // EV_CURRENT
        writer.Write(Entry);
        writer.Write(64UL);               // e_phoff
        writer.Write(0UL);                // e_shoff
        writer.Write(0u);                 // e_flags
        writer.Write((ushort)64);         // e_ehsize
        writer.Write((ushort)56);         // e_phentsize
        writer.Write((ushort)headers);
        writer.Write((ushort)64);         // e_shentsize
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        for (int i = 0; i < headers; i++)
        {
            var s = _segments[i];
            writer.Write(s.Type);
            writer.Write(s.Flags);
            writer.Write(offsets[i]);
            writer.Write(s.Address);
            writer.Write(s.Address);
            writer.Write(s.FileSize);
            writer.Write(s.MemorySize);
            writer.Write(0x1000UL);
        }
        for (int i = 0; i < headers; i++)
        {
            stream.SetLength(Math.Max(stream.Length, (long)offsets[i]));
            stream.Position = (long)offsets[i];
            writer.Write(_segments[i].Bytes);
        }
        return stream.ToArray();
    }
}
