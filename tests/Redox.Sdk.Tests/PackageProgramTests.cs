using System.Diagnostics;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// A driver package's daemon reaching an image: the package's build props (the real
/// src/Redox.Drivers.{Ps2,Lpc}/build/*.props, laid out as in the .nupkg next to a linked program) add a prebuilt
/// RedoxProgram with its grants; the image gets it in its initfs with exactly those grants, can leave it out or replace
/// it, and a missing or wrong file is an RDXB error with a hint. Only the initfs step runs (-t:RedoxInitfs): no kernel.
/// </summary>
public sealed class PackageProgramTests
{
    [Fact]
    public void An_image_referencing_the_Ps2_package_gets_ps2d_first_with_exactly_its_ports_irqs_and_scheme()
    {
        using var project = ImageWithPackage("Redox.Drivers.Ps2", "ps2d.elf", "", "");

        (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");

        Assert.True(exit == 0, output);
        Dictionary<string, byte[]> files = ReadInitfs(Path.Combine(project.IntermediateDirectory, "initfs.img"));
        string[] manifest = Manifest(files);
        Assert.Equal(["bin/ps2d name=ps2d scheme=ps2 ports=0x60,0x64 irqs=1,12 restart=2"], manifest);
        Assert.Equal(File.ReadAllBytes(Path.Combine(project.Directory, "pkg", "redox", "ps2d.elf")), files["bin/ps2d"]);
    }

    [Fact]
    public void The_Lpc_package_starts_its_program_once_per_driver_each_with_only_its_own_grants()
    {
        using var project = ImageWithPackage("Redox.Drivers.Lpc", "lpc-daemons.elf", "", "");

        (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");

        Assert.True(exit == 0, output);
        Assert.Equal(
        [
            "bin/lpcd name=lpcd scheme=lpc ports=0xCF8-0xCFF,0x2E-0x2F,0x4E-0x4F restart=2 -- lpc",
            "bin/rtcd name=rtcd scheme=rtc ports=0x70-0x71 memory=firmware restart=2 -- rtc acpi 0x32",
            "bin/ecd name=ecd scheme=ec ports=0x62,0x66,0xE00-0xEFF restart=2 -- ec",
            "bin/seriald name=seriald scheme=serial ports=0x2F8-0x2FF irqs=3 restart=2 -- serial 2",
        ], Manifest(ReadInitfs(Path.Combine(project.IntermediateDirectory, "initfs.img"))));
    }

    [Fact]
    public void An_image_can_leave_a_package_daemon_out_or_replace_it_with_its_own_arguments_and_grants()
    {
        // Left out: RedoxSeriald=false drops seriald alone.
        using (var project = ImageWithPackage("Redox.Drivers.Lpc", "lpc-daemons.elf", "<RedoxSeriald>false</RedoxSeriald><RedoxEcd>false</RedoxEcd>", ""))
        {
            (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");
            Assert.True(exit == 0, output);
            Assert.Equal(["lpcd", "rtcd"], Manifest(ReadInitfs(Path.Combine(project.IntermediateDirectory, "initfs.img"))).Select(l => l.Split(' ')[0][4..]));
        }
        // Replaced: left out, then listed again with the package's program and the image's own arguments.
        using (var project = ImageWithPackage("Redox.Drivers.Ps2", "ps2d.elf", "<RedoxPs2d>false</RedoxPs2d>",
                   """<ItemGroup><RedoxProgram Include="$(RedoxPs2dProgram)" ProgramName="ps2d" Arguments="translation=off" Scheme="ps2" Ports="0x60,0x64" Irqs="1" /></ItemGroup>"""))
        {
            (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");
            Assert.True(exit == 0, output);
            Assert.Equal(["bin/ps2d name=ps2d scheme=ps2 ports=0x60,0x64 irqs=1 -- translation=off"],
                Manifest(ReadInitfs(Path.Combine(project.IntermediateDirectory, "initfs.img"))));
        }
    }

    [Fact]
    public void A_second_ps2d_without_leaving_the_package_one_out_is_RDXB091_saying_which_property_does()
    {
        using var project = ImageWithPackage("Redox.Drivers.Ps2", "ps2d.elf", "",
            """<ItemGroup><RedoxProgram Include="$(RedoxPs2dProgram)" ProgramName="ps2d" Arguments="translation=off" /></ItemGroup>""");

        (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");

        Assert.NotEqual(0, exit);
        Assert.Contains("error RDXB091", output);
        Assert.Contains("<RedoxPs2d>false</RedoxPs2d>", output);
        Assert.Contains("Redox.Drivers.Ps2", output);
    }

    [Fact]
    public void A_package_whose_program_is_missing_is_RDXB071_and_one_that_is_not_an_executable_is_RDXB072()
    {
        using (var project = ImageWithPackage("Redox.Drivers.Ps2", "ps2d.elf", "", ""))
        {
            File.Delete(Path.Combine(project.Directory, "pkg", "redox", "ps2d.elf"));
            (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");
            Assert.NotEqual(0, exit);
            Assert.Contains("error RDXB071", output);
            Assert.Contains("package Redox.Drivers.Ps2", output);
            Assert.Contains("Hint:", output);
        }
        using (var project = ImageWithPackage("Redox.Drivers.Ps2", "ps2d.elf", "", """<ItemGroup><RedoxProgram Include="Tool.dll" ProgramName="tool" /></ItemGroup>"""))
        {
            File.WriteAllBytes(Path.Combine(project.Directory, "Tool.dll"), [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0, 0, 0, 0, 0]);
            (int exit, string output) = project.Dotnet(null, "build", "-t:RedoxInitfs", "-nologo", "-p:Configuration=Release");
            Assert.NotEqual(0, exit);
            Assert.Contains("error RDXB072", output);
            Assert.Contains("not an ELF file", output);
            Assert.Contains("a .dll is IL, not a program", output);
        }
    }

    [Fact]
    public void Programs_keep_their_item_order_whether_built_from_a_project_or_linked_already()
    {
        string directory = Directory.CreateTempSubdirectory("redox-programs-").FullName;
        try
        {
            string elf = Path.Combine(directory, "d.elf");
            File.WriteAllBytes(elf, ElfHeader(type: 2, machine: 62));
            string project = Path.Combine(directory, "P.csproj");
            TaskItem Program(string spec, string name) => new(spec, new Dictionary<string, string> { ["ProgramName"] = name });
            TaskItem Built(string file, string name) => new(Path.Combine(directory, file), new Dictionary<string, string> { ["ProgramName"] = name, ["MSBuildSourceProjectFile"] = project });
            var task = new RedoxResolvePrograms
            {
                BuildEngine = new RecordingEngine(),
                // One project listed twice (as LpcInfo once did), a linked program between them.
                Programs = [Program(project, "first"), Program(elf, "daemon"), Program(project, "second")],
                Built = [Built("p.elf", "first"), Built("p.elf", "second")],
            };

            Assert.True(task.Execute());
            Assert.Equal(["first", "daemon", "second"], task.Resolved.Select(i => i.GetMetadata("ProgramName")));
            Assert.Equal(elf, task.Resolved[1].ItemSpec);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, 62, null)]
    [InlineData(1, 62, "not an executable")]
    [InlineData(3, 62, "not an executable")]
    [InlineData(2, 183, "machine 183")]
    public void Only_an_x86_64_executable_ELF_is_a_program(int type, int machine, string? problem)
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, ElfHeader(type, machine));
            string? found = RedoxResolvePrograms.CheckExecutable(file);
            if (problem is null) Assert.Null(found);
            else Assert.Contains(problem, found);
            File.WriteAllBytes(file, ElfHeader(type, machine)[..10]);
            Assert.Equal("it is not an ELF file", RedoxResolvePrograms.CheckExecutable(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    // A scratch image that imports <package>'s real build props, where and when NuGet does, from a folder laid out as the
    // package is (build/, redox/), with a linked x86-64 executable (GNU as + ld) as its program.
    private static ScratchProject ImageWithPackage(string package, string elfName, string properties, string items)
    {
        string folder = "redox-sdk-package-" + Guid.NewGuid().ToString("n");
        string root = Path.Combine(Path.GetTempPath(), folder);
        string props = Path.Combine(root, "pkg", "build", package + ".props");
        var project = ScratchProject.CreateIn(folder, items, "<OutputType>Exe</OutputType>" + properties, ("Program.cs", ScratchProject.HelloMain));
        // Where NuGet's restore puts a package's build props: obj/<project>.*.props, which Microsoft.Common.props imports
        // before the project's own properties (so the props cannot see OutputType yet; only item conditions can).
        Directory.CreateDirectory(Path.Combine(root, "obj"));
        File.WriteAllText(Path.Combine(root, "obj", "Scratch.csproj.package.props"), $"""<Project><Import Project="{props}" /></Project>""");
        Directory.CreateDirectory(Path.GetDirectoryName(props)!);
        File.Copy(Path.Combine(ScratchProject.Repository, "src", package, "build", package + ".props"), props);
        Directory.CreateDirectory(Path.Combine(root, "pkg", "redox"));
        LinkProgram(project, Path.Combine(root, "pkg", "redox", elfName));
        return project;
    }

    private static void LinkProgram(ScratchProject project, string output)
    {
        string source = Path.Combine(project.Directory, "tiny.S");
        File.WriteAllText(source, ".globl _start\n_start:\n  jmp _start\n");
        Run("as", "--64", "-o", source + ".o", source);
        Run("ld", "-static", "-o", output, source + ".o");
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool}: {error}");
    }

    private static byte[] ElfHeader(int type, int machine)
    {
        var header = new byte[64];
        header[0] = 0x7F; header[1] = (byte)'E'; header[2] = (byte)'L'; header[3] = (byte)'F';
        header[4] = 2; header[5] = 1; header[6] = 1;
        header[16] = (byte)type; header[18] = (byte)machine;
        return header;
    }

    // The started programs of etc/init (comment lines dropped).
    private static string[] Manifest(Dictionary<string, byte[]> files) =>
        Encoding.UTF8.GetString(files["etc/init"]).Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();

    // The archive's layout is RedoxWriteInitfs's (and the kernel's Boot/Initfs.cs): header, then 24-byte entries.
    private static Dictionary<string, byte[]> ReadInitfs(string path)
    {
        byte[] archive = File.ReadAllBytes(path);
        Assert.Equal("RDXINIT1", Encoding.ASCII.GetString(archive, 0, 8));
        int count = BitConverter.ToInt32(archive, 8);
        var files = new Dictionary<string, byte[]>();
        for (int i = 0; i < count; i++)
        {
            int at = 16 + 24 * i;
            string name = Encoding.UTF8.GetString(archive, BitConverter.ToInt32(archive, at), BitConverter.ToInt32(archive, at + 4));
            files[name] = archive.AsSpan((int)BitConverter.ToInt64(archive, at + 8), (int)BitConverter.ToInt64(archive, at + 16)).ToArray();
        }
        return files;
    }

    private sealed class RecordingEngine : IBuildEngine
    {
        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "";
        public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Message);
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) { }
    }
}
