using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Redox.Kernel.Tests;

/// <summary>Writes multiboot2 boot information byte by byte (spec 3.6): total_size, reserved, 8-aligned tags, end tag.</summary>
public sealed class Multiboot2Builder
{
    private readonly List<byte> _bytes = new List<byte>(new byte[8]);

    public Multiboot2Builder CommandLine(string text) => Tag(1, CString(text));

    public Multiboot2Builder BootloaderName(string text) => Tag(2, CString(text));

    public Multiboot2Builder Module(uint start, uint end, string text)
    {
        var payload = new List<byte>();
        payload.AddRange(U32(start));
        payload.AddRange(U32(end));
        payload.AddRange(CString(text));
        return Tag(3, payload.ToArray());
    }

    public Multiboot2Builder MemoryMap(params (ulong Start, ulong Length, uint Type)[] entries)
    {
        var payload = new List<byte>();
        payload.AddRange(U32(24));   // entry_size
        payload.AddRange(U32(0));    // entry_version
        foreach (var (start, length, type) in entries)
        {
            payload.AddRange(U64(start));
            payload.AddRange(U64(length));
            payload.AddRange(U32(type));
            payload.AddRange(U32(0)); // reserved
        }
        return Tag(6, payload.ToArray());
    }

    /// <summary>A tag with an explicit size field, which may lie about the payload that follows.</summary>
    public Multiboot2Builder RawTag(uint type, uint size, byte[] payload)
    {
        _bytes.AddRange(U32(type));
        _bytes.AddRange(U32(size));
        _bytes.AddRange(payload);
        while (_bytes.Count % 8 != 0) _bytes.Add(0);
        return this;
    }

    public Multiboot2Builder Tag(uint type, byte[] payload) => RawTag(type, (uint)(8 + payload.Length), payload);

    public byte[] Build(bool endTag = true)
    {
        var bytes = new List<byte>(_bytes);
        if (endTag)
        {
            bytes.AddRange(U32(0));
            bytes.AddRange(U32(8));
        }
        byte[] blob = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(blob, (uint)blob.Length);
        return blob;
    }

    private static byte[] CString(string text) => Encoding.ASCII.GetBytes(text + "\0");

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }
}
