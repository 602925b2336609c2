using System;
using System.IO;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>The generated constants file is exactly what the data file produces.</summary>
public class AbiGeneratedFileTests
{
    [Fact]
    public void GeneratedFileMatchesDataFile()
    {
        string dataPath = AbiDataFile.FindPath();
        string root = Path.GetDirectoryName(Path.GetDirectoryName(dataPath))!;
        string outputPath = Path.Combine(root, AbiCodeGenerator.OutputPath);
        string expected = AbiCodeGenerator.Generate(AbiDataFile.Load(dataPath));
        if (Environment.GetEnvironmentVariable("REDOX_ABI_REGEN") == "1")
        {
            File.WriteAllText(outputPath, expected);
        }
        string actual = File.ReadAllText(outputPath);
        Assert.True(expected == actual,
            "src/Redox.Syscall/Abi.g.cs is out of date with abi/redox-abi.txt; run REDOX_ABI_REGEN=1 dotnet test tests/Redox.Syscall.Tests");
    }

    [Fact]
    public void EveryEnumMemberMatchesTheDataFile()
    {
        var data = AbiDataFile.Load(AbiDataFile.FindPath());
        int checkedCount = 0;
        foreach (var section in data.Sections)
        {
            if (section.Kind is not ("enum" or "flags" or "consts"))
            {
                continue;
            }
            var type = typeof(Sqe).Assembly.GetType("Redox.Syscall." + section.Name);
            Assert.NotNull(type);
            foreach (var entry in section.Entries)
            {
                ulong actual;
                if (section.Kind == "consts")
                {
                    var field = type!.GetField(entry.CsName);
                    Assert.NotNull(field);
                    actual = Convert.ToUInt64(field!.GetRawConstantValue());
                }
                else
                {
                    actual = Convert.ToUInt64(Enum.Parse(type!, entry.CsName));
                }
                Assert.True(entry.Value == actual, section.Name + "." + entry.CsName + " (" + entry.RedoxName + ")");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 250);
    }
}
