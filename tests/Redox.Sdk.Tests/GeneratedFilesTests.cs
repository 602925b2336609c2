using Redox.Sdk.Tasks;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>The files the SDK writes for the tools: grub.cfg (a script GRUB interprets) and the type-name table.</summary>
public sealed class GeneratedFilesTests
{
    [Fact]
    public void Grub_cfg_single_quotes_every_word_so_GRUB_expands_nothing()
    {
        string config = RedoxWriteGrubConfig.Config("it's", "redox.exit=qemu  x=$(y);z 'q'", [("initfs.img", "initfs $root")]);

        Assert.Contains("menuentry 'Redox.NET it'\\''s' {", config);
        // One GRUB argument per word: multiboot2 joins them with spaces, as the kernel expects.
        Assert.Contains("  multiboot2 /boot/kernel.elf 'redox.exit=qemu' 'x=$(y);z' ''\\''q'\\'''\n", config);
        Assert.Contains("  module2 '/boot/initfs.img' 'initfs' '$root'\n", config);
    }

    [Fact]
    public void The_type_name_table_lists_method_tables_by_address_without_prefixes()
    {
        string[] nm =
        [
            "0000000000102000 D _ZTV25S_P_CoreLib_System_String",
            "0000000000101000 D _ZTV12Redox_Kernel_Foo",
            "0000000000101000 D _ZTV12Redox_Kernel_Foo",
            "0000000000100000 T RhpNewFast",
            "0000000000103000 D _ZTVfoo",
        ];

        var types = RedoxWriteTypeNameTable.Parse(nm);
        string source = RedoxWriteTypeNameTable.Write(types, "kernel.pass1.symbols");

        Assert.Equal(["0000000000101000", "0000000000102000"], types.Select(t => t.Address));
        Assert.Contains("        .quad   2\n        .quad   0x0000000000101000, name_1\n        .quad   0x0000000000102000, name_2\n", source);
        Assert.Contains("name_1: .asciz \"Redox_Kernel_Foo\"\nname_2: .asciz \"System_String\"\n", source);
    }
}
