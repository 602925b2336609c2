using System.Text;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Writes an image's initfs: the boot module with its ring-3 programs and the manifest (<c>etc/init</c>) that tells
/// the kernel which to start, in order, with which name and arguments. The layout is the kernel's
/// (src/Redox.Kernel/Boot/Initfs.cs): "RDXINIT1", a u32 count and a reserved u32, then per file a u32 name offset,
/// u32 name length, u64 data offset and u64 data length, then the names and the data. The file is written only when
/// its bytes change, so an unchanged image is not rebuilt.
/// </summary>
public sealed class RedoxWriteInitfs : MSBuildTask
{
    /// <summary>
    /// The programs: the item is the ELF file; metadata <c>ProgramName</c> (its name; defaults to the file's name),
    /// <c>Arguments</c> (space-separated) and <c>Start</c> (false: packed but not started by the manifest).
    /// </summary>
    [Required] public ITaskItem[] Programs { get; set; } = [];

    /// <summary>Where to write the archive.</summary>
    [Required] public string Output { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var files = new List<(string Name, byte[] Data)>();
        var manifest = new StringBuilder("# Written by Redox.Sdk: one program per line, in start order.\n");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (ITaskItem program in Programs)
        {
            string name = Metadata(program, "ProgramName", Path.GetFileNameWithoutExtension(program.ItemSpec));
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '#' || c > 126))
            {
                Log.LogError(null, "RDXB090", null, null, 0, 0, 0, 0,
                    "The program name '{0}' cannot go into the initfs. Hint: a program name is printable ASCII without spaces, '/' or '#' (set ProgramName on the RedoxProgram item).", name);
                return false;
            }
            if (!names.Add(name))
            {
                Log.LogError(null, "RDXB091", null, null, 0, 0, 0, 0,
                    "Two programs are named '{0}'. Hint: give one of the RedoxProgram items another ProgramName.", name);
                return false;
            }
            string arguments = Metadata(program, "Arguments", "");
            if (arguments.Contains('\n') || arguments.Contains('#'))
            {
                Log.LogError(null, "RDXB092", null, null, 0, 0, 0, 0,
                    "The arguments of program '{0}' hold a line break or '#'. Hint: arguments are one line of space-separated words.", name);
                return false;
            }
            files.Add(("bin/" + name, File.ReadAllBytes(program.ItemSpec)));
            if (!string.Equals(Metadata(program, "Start", "true"), "false", StringComparison.OrdinalIgnoreCase))
                manifest.Append("bin/").Append(name).Append(" name=").Append(name)
                        .Append(arguments.Trim().Length > 0 ? " -- " + arguments.Trim() : "").Append('\n');
        }
        files.Insert(0, ("etc/init", Encoding.UTF8.GetBytes(manifest.ToString())));
        byte[] archive = Archive(files);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Output))!);
        if (!File.Exists(Output) || !File.ReadAllBytes(Output).AsSpan().SequenceEqual(archive)) File.WriteAllBytes(Output, archive);
        return true;
    }

    /// <summary>The archive's bytes for <paramref name="files"/>, in order.</summary>
    internal static byte[] Archive(IReadOnlyList<(string Name, byte[] Data)> files)
    {
        var stream = new MemoryStream();
        var writer = new BinaryWriter(stream);
        writer.Write("RDXINIT1"u8);
        writer.Write((uint)files.Count);
        writer.Write(0u);
        byte[][] names = files.Select(f => Encoding.UTF8.GetBytes(f.Name)).ToArray();
        long nameAt = 16 + 24L * files.Count;
        long dataAt = Align(nameAt + names.Sum(n => (long)n.Length), 16);
        for (int i = 0; i < files.Count; i++)
        {
            writer.Write((uint)nameAt);
            writer.Write((uint)names[i].Length);
            writer.Write((ulong)dataAt);
            writer.Write((ulong)files[i].Data.Length);
            nameAt += names[i].Length;
            dataAt = Align(dataAt + files[i].Data.Length, 16);
        }
        foreach (byte[] name in names) writer.Write(name);
        foreach ((string _, byte[] data) in files)
        {
            stream.SetLength(Align(stream.Length, 16));
            stream.Position = stream.Length;
            writer.Write(data);
        }
        return stream.ToArray();
    }

    private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static string Metadata(ITaskItem item, string name, string fallback)
    {
        string value = item.GetMetadata(name);
        return string.IsNullOrEmpty(value) ? fallback : value;
    }
}
