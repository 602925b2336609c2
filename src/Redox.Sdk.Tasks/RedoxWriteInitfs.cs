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
    /// <c>Arguments</c> (space-separated), <c>Start</c> (false: packed but not started by the manifest), and for a driver
    /// <c>Scheme</c> (the scheme it serves and may create; makes it a daemon), <c>Ports</c> (the I/O ports it may use,
    /// e.g. <c>0x70-0x71,0x80</c>), <c>Irqs</c> (the interrupt lines it may open as <c>irq:N</c>, e.g. <c>1,12</c>),
    /// <c>Memory</c> (physical device ranges it may map) and <c>Dma</c> (KiB of DMA memory it may allocate) and
    /// <c>Restart</c> (how many times the kernel restarts it when it fails). A program a driver package adds also has
    /// <c>Package</c> (its package ID) and <c>OptOutProperty</c> (the property that leaves it out), for the error hints.
    /// </summary>
    [Required] public ITaskItem[] Programs { get; set; } = [];

    /// <summary>Where to write the archive.</summary>
    [Required] public string Output { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var files = new List<(string Name, byte[] Data)>();
        var manifest = new StringBuilder("# Written by Redox.Sdk: one program per line, in start order.\n");
        var names = new Dictionary<string, ITaskItem>(StringComparer.Ordinal);
        foreach (ITaskItem program in Programs)
        {
            string name = Metadata(program, "ProgramName", Path.GetFileNameWithoutExtension(program.ItemSpec));
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '#' || c > 126))
            {
                Log.LogError(null, "RDXB090", null, null, 0, 0, 0, 0,
                    "The program name '{0}' cannot go into the initfs. Hint: a program name is printable ASCII without spaces, '/' or '#' (set ProgramName on the RedoxProgram item).", name);
                return false;
            }
            if (!names.TryAdd(name, program))
            {
                Log.LogError(null, "RDXB091", null, null, 0, 0, 0, 0,
                    "Two programs are named '{0}'. Hint: give one of the RedoxProgram items another ProgramName.{1}", name, FromPackage(names[name]) + FromPackage(program));
                return false;
            }
            string arguments = Metadata(program, "Arguments", "");
            if (arguments.Contains('\n') || arguments.Contains('#'))
            {
                Log.LogError(null, "RDXB092", null, null, 0, 0, 0, 0,
                    "The arguments of program '{0}' hold a line break or '#'. Hint: arguments are one line of space-separated words.", name);
                return false;
            }
            string? grants = Grants(name, Metadata(program, "Scheme", ""), Metadata(program, "Ports", ""), Metadata(program, "Restart", ""), out string? code, out string? message, Metadata(program, "Irqs", ""), Metadata(program, "Memory", ""), Metadata(program, "Dma", ""));
            if (grants is null)
            {
                Log.LogError(null, code, null, null, 0, 0, 0, 0, message);
                return false;
            }
            files.Add(("bin/" + name, File.ReadAllBytes(program.ItemSpec)));
            if (!string.Equals(Metadata(program, "Start", "true"), "false", StringComparison.OrdinalIgnoreCase))
                manifest.Append("bin/").Append(name).Append(" name=").Append(name).Append(grants)
                        .Append(arguments.Trim().Length > 0 ? " -- " + arguments.Trim() : "").Append('\n');
        }
        files.Insert(0, ("etc/init", Encoding.UTF8.GetBytes(manifest.ToString())));
        byte[] archive = Archive(files);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Output))!);
        if (!File.Exists(Output) || !File.ReadAllBytes(Output).AsSpan().SequenceEqual(archive)) File.WriteAllBytes(Output, archive);
        return true;
    }

    /// <summary>
    /// The manifest words for a driver's grants (<c> scheme=x ports=a-b restart=n</c>, only those given), or null with an
    /// error code and message when one is malformed: the kernel would refuse to start the program, so the build does.
    /// </summary>
    public static string? Grants(string program, string scheme, string ports, string restart, out string? code, out string? message, string irqs = "", string memory = "", string dma = "")
    {
        code = null;
        message = null;
        var words = new StringBuilder();
        if (scheme.Length > 0)
        {
            // The kernel's rule (SchemeRegistry.IsValidName): 1-64 printable ASCII bytes, no ':' or '/', not starting with '.'.
            if (scheme.Length > 64 || scheme[0] == '.' || scheme.Any(c => c <= ' ' || c >= 127 || c == ':' || c == '/' || c == '#'))
            {
                code = "RDXB095";
                message = $"The Scheme '{scheme}' of program '{program}' is not a scheme name. Hint: 1 to 64 printable ASCII characters without spaces, ':', '/' or '#', not starting with '.' (the name clients open as 'name:').";
                return null;
            }
            words.Append(" scheme=").Append(scheme);
        }
        if (ports.Length > 0)
        {
            string[] ranges = ports.Split(',');
            bool valid = ranges.Length <= 8 && ranges.All(r =>
            {
                string[] ends = r.Trim().Split('-');
                if (ends.Length > 2 || !TryPort(ends[0], out int first)) return false;
                int last = first;
                return (ends.Length == 1 || TryPort(ends[1], out last)) && first <= last;
            });
            if (!valid)
            {
                code = "RDXB096";
                message = $"The Ports '{ports}' of program '{program}' are not a port list. Hint: up to 8 comma-separated ports or ranges, each 0-0xFFFF in decimal or 0x hex, e.g. '0x60,0x64' or '0x3f8-0x3ff'.";
                return null;
            }
            words.Append(" ports=").Append(string.Join(',', ranges.Select(r => r.Trim())));
        }
        if (irqs.Length > 0)
        {
            string[] lines = irqs.Split(',').Select(l => l.Trim()).ToArray();
            bool valid = lines.All(l => int.TryParse(l, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 15 && n != 2);
            if (!valid)
            {
                code = "RDXB098";
                message = $"The Irqs '{irqs}' of program '{program}' are not interrupt lines. Hint: comma-separated ISA lines 1 and 3 to 15 (0 is the scheduler's timer, 2 the PIC cascade), e.g. '1,12' for a PS/2 keyboard and mouse.";
                return null;
            }
            words.Append(" irqs=").Append(string.Join(',', lines));
        }
        if (memory.Length > 0 || dma.Length > 0)
        {
            string[] ranges = memory.Length == 0 ? [] : memory.Split(',').Select(r => r.Trim()).ToArray();
            // 'firmware': read-only access to what the memory map reserves below the top of RAM (where the firmware keeps
            // the ACPI tables), wherever that is on the machine; it takes no range slot.
            bool valid = ranges.Count(r => r != "firmware") <= 4 && ranges.All(r =>
            {
                if (r == "firmware") return true;
                string[] ends = r.Split('-');
                return ends.Length == 2 && TryAddress(ends[0], out ulong first) && TryAddress(ends[1], out ulong last) && first <= last;
            }) && (dma.Length == 0 || (int.TryParse(dma, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int kib) && kib <= 1 << 20));
            if (!valid)
            {
                code = "RDXB099";
                message = $"The Memory '{memory}' or Dma '{dma}' of program '{program}' is malformed. Hint: Memory is up to 4 comma-separated physical ranges 'first-last' (e.g. '0xfee00000-0xfee00fff') and optionally 'firmware' (read-only: the firmware's reserved memory, e.g. ACPI tables); Dma is the KiB of DMA memory it may allocate (a whole number).";
                return null;
            }
            if (ranges.Length > 0) words.Append(" memory=").Append(string.Join(',', ranges));
            if (dma.Length > 0) words.Append(" dma=").Append(dma);
        }
        if (restart.Length > 0)
        {
            if (!int.TryParse(restart, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count) || count > 1000)
            {
                code = "RDXB097";
                message = $"The Restart '{restart}' of program '{program}' is not a count. Hint: how many times the kernel may restart the program when it fails, 0 to 1000.";
                return null;
            }
            words.Append(" restart=").Append(count);
        }
        return words.ToString();
    }

    private static bool TryAddress(string text, out ulong address)
    {
        text = text.Trim();
        bool parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out address)
            : ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out address);
        return parsed && address < 1UL << 52;
    }

    private static bool TryPort(string text, out int port)
    {
        text = text.Trim();
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        bool parsed = hex
            ? int.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out port)
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port);
        return parsed && text.Length <= (hex ? 6 : 5) && port <= 0xFFFF;
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

    // A program a driver package adds (its build props set Package and OptOutProperty): how to leave it out.
    private static string FromPackage(ITaskItem program)
    {
        string package = program.GetMetadata("Package"), optOut = program.GetMetadata("OptOutProperty");
        if (package.Length == 0) return "";
        return optOut.Length > 0
            ? $" The {program.GetMetadata("ProgramName")} of the package {package} is added by that package: set <{optOut}>false</{optOut}> to leave it out, then list your own."
            : $" One comes from the package {package}.";
    }

    private static long Align(long value, long alignment) => (value + alignment - 1) / alignment * alignment;

    private static string Metadata(ITaskItem item, string name, string fallback)
    {
        string value = item.GetMetadata(name);
        return string.IsNullOrEmpty(value) ? fallback : value;
    }
}
