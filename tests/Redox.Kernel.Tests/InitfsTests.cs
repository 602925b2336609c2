using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CsCheck;
using Redox.Kernel.Boot;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The initfs archive and its manifest: valid archives read back, corrupt ones are refused whole.</summary>
public class InitfsTests
{
    /// <summary>Writes an archive in the documented layout (the SDK's writer is tested against the same reader).</summary>
    public static byte[] Archive(params (string Name, byte[] Data)[] files)
    {
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write("RDXINIT1"u8);
        writer.Write((uint)files.Length);
        writer.Write(0u);
        int namesAt = 16 + 24 * files.Length;
        var names = new List<byte>();
        var data = new List<byte>();
        int dataAt = namesAt;
        foreach (var f in files) dataAt += Encoding.UTF8.GetByteCount(f.Name);
        foreach (var (name, bytes) in files)
        {
            byte[] n = Encoding.UTF8.GetBytes(name);
            writer.Write((uint)(namesAt + names.Count));
            writer.Write((uint)n.Length);
            writer.Write((ulong)(dataAt + data.Count));
            writer.Write((ulong)bytes.Length);
            names.AddRange(n);
            data.AddRange(bytes);
        }
        writer.Write(names.ToArray());
        writer.Write(data.ToArray());
        return stream.ToArray();
    }

    [Fact]
    public void Files_are_found_by_name_with_their_bytes()
    {
        byte[] archive = Archive(("etc/init", "bin/a name=a\n"u8.ToArray()), ("bin/a", new byte[] { 1, 2, 3 }));
        Assert.True(Initfs.TryParse(archive, out Initfs initfs));
        Assert.Equal(2, initfs.Count);
        Assert.Equal(1, initfs.Find("bin/a"u8));
        Assert.Equal(new byte[] { 1, 2, 3 }, initfs.Data(1).ToArray());
        Assert.Equal(-1, initfs.Find("bin/b"u8));
    }

    [Fact]
    public void Bad_magic_truncation_and_entries_outside_the_module_are_refused()
    {
        byte[] archive = Archive(("a", new byte[10]));
        Assert.False(Initfs.TryParse(archive.AsSpan(0, archive.Length - 1), out _));
        byte[] magic = (byte[])archive.Clone();
        magic[7] = (byte)'2';
        Assert.False(Initfs.TryParse(magic, out _));
        byte[] count = (byte[])archive.Clone();
        count[8] = 200;
        Assert.False(Initfs.TryParse(count, out _));
        byte[] empty = Archive(("", new byte[1]));
        Assert.False(Initfs.TryParse(empty, out _));
    }

    [Fact]
    public void Random_corruption_never_yields_an_entry_outside_the_module()
    {
        byte[] valid = Archive(("etc/init", new byte[40]), ("bin/x", new byte[300]), ("bin/y", new byte[7]));
        Gen.Select(Gen.Int[8, 16 + 72 - 1], Gen.Byte).Sample((position, value) =>
        {
            byte[] archive = (byte[])valid.Clone();
            archive[position] ^= (byte)(value | 1);
            if (!Initfs.TryParse(archive, out Initfs initfs)) return;
            for (int i = 0; i < initfs.Count; i++)
            {
                Assert.False(initfs.Name(i).IsEmpty);
                _ = initfs.Data(i).Length;            // in bounds, or Slice would have thrown
            }
        }, iter: 5_000);
    }

    [Fact]
    public void The_manifest_lists_programs_in_order_with_names_and_arguments()
    {
        ReadOnlySpan<byte> text = "# programs\n\nbin/a name=alpha -- one two\r\n  bin/b   # no options\nbin/c name=gamma --verbose\n"u8;
        int position = 0;
        Assert.True(InitManifest.TryNext(text, ref position, out ReadOnlySpan<byte> path, out ReadOnlySpan<byte> line));
        Assert.Equal("bin/a", Encoding.UTF8.GetString(path));
        Assert.Equal("alpha", Encoding.UTF8.GetString(InitManifest.Option(line, "name"u8, path)));
        Assert.Equal("one two", Encoding.UTF8.GetString(InitManifest.Arguments(line)));
        Assert.True(InitManifest.TryNext(text, ref position, out path, out line));
        Assert.Equal("bin/b", Encoding.UTF8.GetString(path));
        Assert.Equal("bin/b", Encoding.UTF8.GetString(InitManifest.Option(line, "name"u8, path)));
        Assert.True(InitManifest.Arguments(line).IsEmpty);
        Assert.True(InitManifest.TryNext(text, ref position, out path, out line));
        Assert.Equal("gamma", Encoding.UTF8.GetString(InitManifest.Option(line, "name"u8, path)));
        Assert.True(InitManifest.Arguments(line).IsEmpty);            // "--verbose" is a word, not the marker
        Assert.False(InitManifest.TryNext(text, ref position, out _, out _));
    }

    [Fact]
    public void Options_after_the_marker_are_arguments_not_options()
    {
        ReadOnlySpan<byte> line = "bin/a -- name=evil"u8;
        Assert.Equal("bin/a", Encoding.UTF8.GetString(InitManifest.Option(line, "name"u8, "bin/a"u8)));
        Assert.Equal("name=evil", Encoding.UTF8.GetString(InitManifest.Arguments(line)));
    }
}
