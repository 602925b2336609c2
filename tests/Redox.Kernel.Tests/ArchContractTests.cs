using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// The arch contract is one-way (STYLE.md habit 1; src/Redox.Kernel/Arch/README.md): generic kernel code names only
/// the contract (namespace <c>Redox.Kernel.Arch</c>), never an arch's own types; arch code calls up into the kernel
/// only from its trap handlers; and every contract type lives in a file of its own name in the arch folder, so a
/// second arch knows what it must provide. Read from the sources, so a new file is checked the day it is added.
/// </summary>
public class ArchContractTests
{
    private static readonly string Kernel = Path.Combine(typeof(ArchContractTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "src", "Redox.Kernel");

    private static readonly string ArchFolder = Path.Combine(Kernel, "Arch", "X64");

    /// <summary>The arch's trap handlers: where the CPU enters the kernel, so they call up into it.</summary>
    private static readonly string[] TrapHandlers = { "InterruptDispatch.cs", "SyscallEntry.cs", "FaultUpcalls.cs" };

    private static string[] Sources(string folder) => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) &&
                    !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
        .ToArray();

    [Fact]
    public void GenericCodeNamesOnlyTheContract()
    {
        string[] generic = Sources(Kernel).Where(f => !f.StartsWith(ArchFolder, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(generic);
        var leaks = generic.Where(f => File.ReadAllText(f).Contains("Arch.X64", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Kernel, f)).ToArray();
        Assert.True(leaks.Length == 0, "generic code names the x86-64 arch directly: " + string.Join(", ", leaks));
    }

    [Fact]
    public void ArchCodeCallsUpIntoTheKernelOnlyFromItsTrapHandlers()
    {
        // Diagnostics (the log, panic) is below both; Redox.Syscall is a package of its own.
        var upward = new Regex(@"\b(?:using\s+Redox\.Kernel\.(?:Scheduling|Processes|Schemes|Syscalls|Memory|Ipc|Boot)\b|" +
                               @"(?:Scheduling|Processes|Schemes|Syscalls|Memory|Ipc|Boot)\.[A-Z]\w*\.)");
        var leaks = Sources(ArchFolder)
            .Where(f => !TrapHandlers.Contains(Path.GetFileName(f)))
            .Where(f => upward.IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName).ToArray();
        Assert.True(leaks.Length == 0, "arch code other than the trap handlers calls into the kernel: " + string.Join(", ", leaks));
    }

    [Fact]
    public void EveryContractTypeHasItsOwnFileInTheArchFolderAndIsListedInTheReadme()
    {
        var declared = new Regex(@"^namespace Redox\.Kernel\.Arch;\s*$", RegexOptions.Multiline);
        var typeName = new Regex(@"^(?:public|internal)\s+(?:static\s+|sealed\s+|readonly\s+|ref\s+|unsafe\s+|partial\s+)*(?:class|struct|enum)\s+(\w+)", RegexOptions.Multiline);
        string readme = File.ReadAllText(Path.Combine(Kernel, "Arch", "README.md"));
        string[] contract = Sources(ArchFolder).Where(f => declared.IsMatch(File.ReadAllText(f))).ToArray();
        Assert.Contains(contract, f => Path.GetFileName(f) == "Cpu.cs");
        foreach (string file in contract)
        {
            Match type = typeName.Match(File.ReadAllText(file));
            Assert.True(type.Success, $"{Path.GetFileName(file)} declares no type");
            Assert.Equal(type.Groups[1].Value + ".cs", Path.GetFileName(file));
            Assert.Contains("`" + type.Groups[1].Value + "`", readme);
        }
        // And nothing outside the arch folder declares contract types (they would be generic code in disguise).
        Assert.DoesNotContain(Sources(Kernel).Where(f => !f.StartsWith(ArchFolder, StringComparison.Ordinal)),
            f => declared.IsMatch(File.ReadAllText(f)));
    }
}
