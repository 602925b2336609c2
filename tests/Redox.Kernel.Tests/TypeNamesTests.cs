using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Redox.Kernel.Diagnostics;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Binary search over a hand-built (address, C string) table, as Redox.Sdk links it.</summary>
public unsafe class TypeNamesTests : IDisposable
{
    private readonly List<nint> _allocations = new List<nint>();

    public void Dispose()
    {
        foreach (nint p in _allocations) NativeMemory.Free((void*)p);
    }

    private ulong* Table(params (ulong Address, string Name)[] entries)
    {
        ulong* table = (ulong*)NativeMemory.Alloc((nuint)(1 + 2 * entries.Length) * 8);
        _allocations.Add((nint)table);
        table[0] = (ulong)entries.Length;
        for (int i = 0; i < entries.Length; i++)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(entries[i].Name + "\0");
            byte* name = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
            _allocations.Add((nint)name);
            bytes.CopyTo(new Span<byte>(name, bytes.Length));
            table[1 + 2 * i] = entries[i].Address;
            table[2 + 2 * i] = (ulong)name;
        }
        return table;
    }

    private static string Find(ulong* table, ulong methodTable) => Encoding.ASCII.GetString(TypeNames.Find(table, methodTable));

    [Fact]
    public void FindsEveryEntry()
    {
        var entries = new (ulong, string)[9];
        for (int i = 0; i < entries.Length; i++) entries[i] = (0x1000 + (ulong)i * 0x40, "Type" + i);
        ulong* table = Table(entries);
        for (int i = 0; i < entries.Length; i++) Assert.Equal("Type" + i, Find(table, entries[i].Item1));
    }

    [Fact]
    public void MissesBelowBetweenAndAbove()
    {
        ulong* table = Table((0x1000, "Redox_Kernel_Memory_FrameAllocator"), (0x2000, "String"), (0x3000, "Object"));
        Assert.Equal("", Find(table, 0));
        Assert.Equal("", Find(table, 0xFFF));
        Assert.Equal("", Find(table, 0x1001));
        Assert.Equal("", Find(table, 0x2FFF));
        Assert.Equal("", Find(table, 0x3001));
        Assert.Equal("", Find(table, ulong.MaxValue));
        Assert.Equal("String", Find(table, 0x2000));
    }

    [Fact]
    public void SingleEntryTable()
    {
        ulong* table = Table((0x8000, "Only"));
        Assert.Equal("Only", Find(table, 0x8000));
        Assert.Equal("", Find(table, 0x7FFF));
        Assert.Equal("", Find(table, 0x8001));
    }

    [Fact]
    public void EmptyNameIsFoundAsEmpty()
    {
        ulong* table = Table((0x10, ""), (0x20, "x"));
        Assert.True(TypeNames.Find(table, 0x10).IsEmpty);
        Assert.Equal("x", Find(table, 0x20));
    }

    [Fact]
    public void EmptyTableFindsNothing()
    {
        ulong* table = Table();
        Assert.True(TypeNames.Find(table, 0x1000).IsEmpty);
        Assert.True(TypeNames.Find(table, 0).IsEmpty);
    }

    [Fact]
    public void NullTableFindsNothing() => Assert.True(TypeNames.Find(null, 0x1000).IsEmpty);

    [Fact]
    public void HighAddressesCompareUnsigned()
    {
        ulong* table = Table((0x0000_0000_0010_0000, "Low"), (0xFFFF_8000_0000_0000, "High"), (0xFFFF_FFFF_FFFF_F000, "Top"));
        Assert.Equal("Low", Find(table, 0x0000_0000_0010_0000));
        Assert.Equal("High", Find(table, 0xFFFF_8000_0000_0000));
        Assert.Equal("Top", Find(table, 0xFFFF_FFFF_FFFF_F000));
    }
}
