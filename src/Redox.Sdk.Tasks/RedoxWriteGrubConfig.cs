using System.Text;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Redox.Sdk.Tasks;

/// <summary>
/// Writes one grub.cfg per image variant (<c>&lt;Directory&gt;/&lt;variant&gt;.cfg</c>), only when its text changes:
/// the file is both what the ISO boots with and the stamp that makes a changed kernel command line rebuild the ISO.
/// Every word GRUB reads is single-quoted, because grub.cfg is a shell-like script: a <c>$</c>, <c>;</c> or quote in a
/// command line must reach the kernel as written, not be expanded by GRUB.
/// </summary>
public sealed class RedoxWriteGrubConfig : MSBuildTask
{
    /// <summary>The variants: the item is the ISO's name, <c>CommandLine</c> metadata the kernel command line.</summary>
    [Required] public ITaskItem[] Variants { get; set; } = [];

    /// <summary>Extra boot modules: the item is the file (copied to /boot/ in the ISO), <c>CommandLine</c> its string.</summary>
    public ITaskItem[] Modules { get; set; } = [];

    /// <summary>The folder for the .cfg files.</summary>
    [Required] public string Directory { get; set; } = "";

    /// <summary>
    /// <c>RedoxKernelPageTableIsolation</c>: <c>true</c> adds <c>redox.kpti=on</c> to every variant's kernel command line
    /// (kernel page-table isolation); empty or <c>false</c> adds nothing. A variant's <c>PageTableIsolation</c> metadata,
    /// when set, overrides it for that variant. Anything else is error RDXB041.
    /// </summary>
    public string PageTableIsolation { get; set; } = "";

    /// <summary>The kernel command-line word that turns isolation on (KernelMain reads it).</summary>
    internal const string IsolationWord = "redox.kpti=on";

    /// <inheritdoc />
    public override bool Execute()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (ITaskItem variant in Variants)
        {
            string option = variant.GetMetadata("PageTableIsolation");
            string source = option.Length != 0 ? $"the variant {variant.ItemSpec}'s PageTableIsolation" : "RedoxKernelPageTableIsolation";
            if (option.Length == 0) option = PageTableIsolation;
            if (!TryCommandLine(variant.GetMetadata("CommandLine"), option, out string commandLine))
            {
                Log.LogError(null, "RDXB041", null, null, 0, 0, 0, 0,
                    "{0} is '{1}', which is neither true nor false. Hint: set it to true for kernel page-table isolation (the Meltdown mitigation; each ring crossing then switches page tables), or false (the default).",
                    source, option);
                return false;
            }
            string path = Path.Combine(Directory, variant.ItemSpec + ".cfg");
            string text = Config(variant.ItemSpec, commandLine,
                Modules.Select(m => (m.GetMetadata("Filename") + m.GetMetadata("Extension"), m.GetMetadata("CommandLine"))));
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
        }
        return true;
    }

    /// <summary>
    /// The kernel command line for <paramref name="isolation"/> (an MSBuild boolean: <c>true</c>, <c>false</c> or empty,
    /// any case): with isolation on, <paramref name="commandLine"/> plus <see cref="IsolationWord"/> unless it has it.
    /// False for any other value.
    /// </summary>
    internal static bool TryCommandLine(string commandLine, string isolation, out string result)
    {
        result = commandLine;
        string value = isolation.Trim();
        if (value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase)) return true;
        if (!value.Equals("true", StringComparison.OrdinalIgnoreCase)) return false;
        if (!commandLine.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains(IsolationWord))
            result = commandLine.Length == 0 ? IsolationWord : commandLine + " " + IsolationWord;
        return true;
    }

    /// <summary>The grub.cfg text: serial console, no menu delay, multiboot2 kernel with its command line, modules.</summary>
    internal static string Config(string title, string commandLine, IEnumerable<(string File, string CommandLine)> modules)
    {
        var s = new StringBuilder();
        // GRUB talks on the serial port too, so a failed boot is visible in the same console as the kernel.
        s.Append("serial --unit=0 --speed=115200\nterminal_input serial console\nterminal_output serial console\n");
        s.Append("set timeout=0\nset default=0\n");
        s.Append("menuentry ").Append(Quote("Redox.NET " + title)).Append(" {\n");
        // multiboot2 joins its arguments with spaces into the kernel's command line, quoting any that hold one:
        // so each word is its own argument.
        s.Append("  multiboot2 /boot/kernel.elf").Append(Words(commandLine)).Append('\n');
        foreach ((string file, string moduleLine) in modules)
            s.Append("  module2 ").Append(Quote("/boot/" + file)).Append(Words(moduleLine)).Append('\n');
        s.Append("  boot\n}\n");
        return s.ToString();
    }

    private static string Words(string line) =>
        string.Concat(line.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(w => " " + Quote(w)));

    // GRUB's script lexer, like sh: nothing is special inside single quotes; a quote itself is '\''.
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
