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

    /// <inheritdoc />
    public override bool Execute()
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (ITaskItem variant in Variants)
        {
            string path = Path.Combine(Directory, variant.ItemSpec + ".cfg");
            string text = Config(variant.ItemSpec, variant.GetMetadata("CommandLine"),
                Modules.Select(m => (m.GetMetadata("Filename") + m.GetMetadata("Extension"), m.GetMetadata("CommandLine"))));
            if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
        }
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
