using System.Collections.Generic;
using System.Linq;
using Redox.Drivers.Ps2;
using Redox.Testing.Ps2;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>The decoder tables name exactly the codes the layout's keys send (no stray entries), in both sets.</summary>
public class TableTests
{
    private static (HashSet<int> Plain, HashSet<int> Extended) CodesOf(bool set1)
    {
        var plain = new HashSet<int>();
        var extended = new HashSet<int>();
        foreach (byte usage in Ps2ScancodeModel.Keys)
        {
            if (usage == Ps2ScancodeModel.Pause || usage == Ps2ScancodeModel.PrintScreen)
            {
                continue;
            }
            byte[] make = Ps2ScancodeModel.Set2Make(usage);
            if (set1)
            {
                make = Ps2ScancodeModel.ToSet1(make);
            }
            (make.Length == 2 ? extended : plain).Add(make[^1]);
        }
        // Print Screen is E0 37 / E0 7C; Ctrl+Pause (Break) E0 46 / E0 7E; Alt+Print Screen (SysRq) 54 / 84.
        extended.Add(set1 ? 0x37 : 0x7C);
        extended.Add(set1 ? 0x46 : 0x7E);
        plain.Add(set1 ? 0x54 : 0x84);
        return (plain, extended);
    }

    private static HashSet<int> Mapped(System.ReadOnlySpan<byte> table)
    {
        var set = new HashSet<int>();
        for (int i = 0; i < table.Length; i++)
        {
            if (table[i] != 0)
            {
                set.Add(i);
            }
        }
        return set;
    }

    [Fact]
    public void Set1TablesMapExactlyTheLayoutsCodes()
    {
        var (plain, extended) = CodesOf(set1: true);
        Assert.Equal(plain.OrderBy(x => x), Mapped(ScancodeTables.Set1).OrderBy(x => x));
        Assert.Equal(extended.OrderBy(x => x), Mapped(ScancodeTables.Set1Extended).OrderBy(x => x));
    }

    [Fact]
    public void Set2TablesMapExactlyTheLayoutsCodes()
    {
        var (plain, extended) = CodesOf(set1: false);
        Assert.Equal(plain.OrderBy(x => x), Mapped(ScancodeTables.Set2).OrderBy(x => x));
        Assert.Equal(extended.OrderBy(x => x), Mapped(ScancodeTables.Set2Extended).OrderBy(x => x));
    }
}
