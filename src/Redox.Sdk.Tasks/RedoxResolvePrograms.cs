using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Puts an image's programs in the order its <c>RedoxProgram</c> items list them, each as the ELF file the initfs packs:
/// a program project (<c>*.csproj</c>, any <c>*proj</c>) by the executable its own build returned (<see cref="Built"/>),
/// a prebuilt program (anything else: a linked <c>.elf</c>, e.g. a daemon a driver package carries) as the file itself,
/// after checking that it is there (RDXB071) and is what the kernel's loader takes: an ELF64 little-endian x86-64
/// executable (RDXB072; src/Redox.Kernel/Processes/ElfImage.cs checks the same header). Every item keeps its metadata
/// (ProgramName, Arguments, the grants), so the manifest does not care where a program came from.
/// </summary>
public sealed class RedoxResolvePrograms : MSBuildTask
{
    /// <summary>The image's <c>RedoxProgram</c> items, in start order.</summary>
    [Required] public ITaskItem[] Programs { get; set; } = [];

    /// <summary>
    /// What the MSBuild task returned for the program projects (target <c>RedoxProgramElf</c>): one ELF per project item,
    /// in item order, each with <c>MSBuildSourceProjectFile</c> and the project item's metadata.
    /// </summary>
    public ITaskItem[] Built { get; set; } = [];

    /// <summary>The programs' ELF files in start order, with their items' metadata.</summary>
    [Output] public ITaskItem[] Resolved { get; private set; } = [];

    /// <summary>True when <paramref name="path"/> names a project (the SDK builds it) rather than a linked program.</summary>
    public static bool IsProject(string path) => Path.GetExtension(path).EndsWith("proj", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Execute()
    {
        var built = new Dictionary<string, Queue<ITaskItem>>(StringComparer.Ordinal);
        foreach (ITaskItem item in Built)
        {
            string project = Path.GetFullPath(item.GetMetadata("MSBuildSourceProjectFile"));
            if (!built.TryGetValue(project, out Queue<ITaskItem>? queue)) built[project] = queue = new Queue<ITaskItem>();
            queue.Enqueue(item);
        }
        var resolved = new List<ITaskItem>();
        foreach (ITaskItem program in Programs)
        {
            string path = Path.GetFullPath(program.ItemSpec);
            if (IsProject(path))
            {
                // Built in the same order as listed, so the k-th item of a project gets the k-th output of that project.
                if (built.TryGetValue(path, out Queue<ITaskItem>? queue) && queue.Count > 0) resolved.Add(queue.Dequeue());
                continue;
            }
            string? problem = CheckExecutable(path);
            if (problem is not null)
            {
                string name = program.GetMetadata("ProgramName") is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(path);
                string package = program.GetMetadata("Package");
                string from = package.Length > 0 ? $" (from the package {package}: restore it again, or delete its folder from the NuGet cache)" : "";
                if (problem.Length == 0)
                    Log.LogError(null, "RDXB071", null, null, 0, 0, 0, 0,
                        "The program '{0}' is listed as '{1}', which does not exist{2}. Hint: a RedoxProgram is a program project (.csproj) or a linked Redox program (.elf) that exists.", name, path, from);
                else
                    Log.LogError(null, "RDXB072", null, null, 0, 0, 0, 0,
                        "The program '{0}' ('{1}') is not a Redox program: {2}{3}. Hint: a RedoxProgram is a program project (.csproj) or the .elf that building one links (bin/.../redox/<name>.elf); a .dll is IL, not a program.", name, path, problem, from);
                return false;
            }
            var item = new TaskItem(path);
            program.CopyMetadataTo(item);
            resolved.Add(item);
        }
        Resolved = resolved.ToArray();
        return true;
    }

    /// <summary>
    /// Null when <paramref name="path"/> is an ELF64 little-endian x86-64 executable (ET_EXEC, as the SDK links programs);
    /// "" when the file does not exist; otherwise what is wrong with it.
    /// </summary>
    public static string? CheckExecutable(string path)
    {
        if (!File.Exists(path)) return "";
        Span<byte> header = stackalloc byte[20];
        int read;
        using (FileStream stream = File.OpenRead(path)) read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length || header[0] != 0x7F || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
            return "it is not an ELF file";
        // EI_CLASS 2 = ELFCLASS64, EI_DATA 1 = little-endian (System V ABI, ELF header).
        if (header[4] != 2 || header[5] != 1) return "it is not a 64-bit little-endian ELF file";
        int type = header[16] | header[17] << 8, machine = header[18] | header[19] << 8;
        // e_type 2 = ET_EXEC; e_machine 62 = EM_X86_64.
        if (machine != 62) return $"it is built for ELF machine {machine}, not x86-64 (62)";
        if (type != 2) return $"it is an ELF file of type {type}, not an executable (ET_EXEC, 2): an object file or a shared library is not a program";
        return null;
    }
}
