using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>
/// The data file pins one release, says so where users read it, keeps the Redox.NET extensions apart from the
/// pinned ABI and never lets an extension number clash with a pinned one.
/// </summary>
public class AbiPinTests
{
    private static readonly AbiDataFile Data = AbiDataFile.Load(AbiDataFile.FindPath());

    private static string Root => Path.GetDirectoryName(Path.GetDirectoryName(AbiDataFile.FindPath()))!;

    [Fact]
    public void OneExactReleaseIsPinnedAndNamedInTheReadmeAndThePackageDescription()
    {
        Assert.Matches(@"^redox_syscall \d+\.\d+\.\d+$", Data.PinnedRelease);
        Assert.Matches("^[0-9a-f]{40}$", Data.PinnedCommit);
        string readme = File.ReadAllText(Path.Combine(Root, "src/Redox.Syscall/README.md"));
        Assert.Contains(Data.PinnedRelease, readme);
        Assert.Contains(Data.PinnedCommit, readme);
        string csproj = File.ReadAllText(Path.Combine(Root, "src/Redox.Syscall/Redox.Syscall.csproj"));
        Assert.Contains(Data.PinnedRelease, csproj);
        Assert.DoesNotContain("UNCERTAIN", File.ReadAllText(AbiDataFile.FindPath()));
    }

    [Fact]
    public void EveryExtensionNamesAnOlderReleaseOrSaysItIsRedoxNetOnly()
    {
        var pinned = Version.Parse(Data.PinnedRelease.Split(' ')[1]);
        int extensions = 0;
        foreach (var section in Data.Sections)
        {
            foreach (var e in section.Entries)
            {
                if (!e.IsExtension)
                {
                    continue;
                }
                extensions++;
                var match = Regex.Match(e.Doc, @"redox_syscall (\d+\.\d+\.\d+)");
                if (match.Success)
                {
                    Assert.True(Version.Parse(match.Groups[1].Value) < pinned, section.Name + "." + e.CsName + " cites " + match.Value);
                }
                else
                {
                    Assert.True(e.Doc.Contains("Redox.NET only", StringComparison.Ordinal), section.Name + "." + e.CsName + " names no source");
                }
            }
        }
        Assert.True(extensions >= 14);
    }

    [Fact]
    public void NoExtensionValueCollidesWithAPinnedValueOfItsSection()
    {
        foreach (var section in Data.Sections)
        {
            var pinned = new Dictionary<ulong, string>();
            ulong pinnedBits = 0;
            foreach (var e in section.Entries)
            {
                if (!e.IsExtension)
                {
                    pinned.TryAdd(e.Value, e.RedoxName);
                    pinnedBits |= e.Value;
                }
            }
            foreach (var e in section.Entries)
            {
                if (!e.IsExtension)
                {
                    continue;
                }
                Assert.False(pinned.TryGetValue(e.Value, out var clash), section.Name + ": " + e.RedoxName + " = " + clash);
                if (section.Kind == "flags" && pinned.Count > 0)
                {
                    Assert.True((e.Value & pinnedBits) == 0, section.Name + ": " + e.RedoxName + " shares bits with the pinned flags");
                }
            }
        }
    }

    [Fact]
    public void EveryCallNumberIsUnique()
    {
        var numbers = new Dictionary<ulong, string>();
        foreach (var e in Data.Sections.Find(s => s.Name == "SyscallNumbers")!.Entries)
        {
            bool isMask = e.Expression.StartsWith("0x", StringComparison.Ordinal) && (e.Value & 0x0FFF_FFFF) == 0
                || e.RedoxName is "SYS_ARG_SLICE" or "SYS_ARG_MSLICE" or "SYS_ARG_PATH" or "SYS_RET" or "SYS_RET_FILE" or "SYS_ARG";
            if (!isMask)
            {
                Assert.True(numbers.TryAdd(e.Value, e.RedoxName), e.RedoxName + " = " + (numbers.TryGetValue(e.Value, out var o) ? o : ""));
            }
        }
        Assert.True(numbers.Count >= 40);
    }

    [Fact]
    public void PinnedValuesWrittenOutByHandFromTheRelease()
    {
        // Independent of the generator: values read off redox_syscall 0.9.3 (number.rs, flag.rs, error.rs,
        // schemev2.rs, dirent.rs) and, for the extensions, off the releases the data file names.
        Assert.Equal((nuint)0x2200_0003, SyscallNumbers.Read);
        Assert.Equal((nuint)0x2100_0004, SyscallNumbers.Write);
        Assert.Equal((nuint)0x2000_0006, SyscallNumbers.Close);
        Assert.Equal((nuint)0x1010_03DB, SyscallNumbers.OpenAtInto);
        Assert.Equal((nuint)0x2010_03DC, SyscallNumbers.DupInto);
        Assert.Equal((nuint)0x1000_0107, SyscallNumbers.UnlinkAt);
        Assert.Equal((nuint)0x2100_0384, SyscallNumbers.Fmap);
        Assert.Equal((nuint)0x2000_005C, SyscallNumbers.Funmap);
        Assert.Equal((nuint)0x2200_001C, SyscallNumbers.Fstat);
        Assert.Equal((nuint)0x2000_0037, SyscallNumbers.Fcntl);
        Assert.Equal((nuint)0x2000_0013, SyscallNumbers.Lseek);
        Assert.Equal((nuint)0x2000_039F, SyscallNumbers.Fevent);
        Assert.Equal((nuint)0x2300_CA11, SyscallNumbers.Call);
        Assert.Equal((nuint)265, SyscallNumbers.ClockGettime);
        Assert.Equal((nuint)240, SyscallNumbers.Futex);
        Assert.Equal((nuint)162, SyscallNumbers.Nanosleep);
        Assert.Equal((nuint)158, SyscallNumbers.Yield);
        Assert.Equal((nuint)125, SyscallNumbers.Mprotect);
        Assert.Equal((nuint)155, SyscallNumbers.Mremap);
        Assert.Equal(41, (int)Errno.EWOULDBLOCK);
        Assert.Equal(58, (int)Errno.EDEADLOCK);
        Assert.Equal(132, (int)Errno.ERSVD);
        Assert.Equal(38, (int)Errno.ENOSYS);
        Assert.Equal(0x0200_0000u, (uint)OpenFlags.Create);
        Assert.Equal(0x00CC_0000u, (uint)OpenFlags.FcntlMask);
        Assert.Equal(0x10UL, (ulong)MapFlags.Lazy);
        Assert.Equal(4u, (uint)ClockId.Monotonic);
        Assert.Equal(3u, (uint)FutexOp.Wait64);
        Assert.Equal(32, (int)Opcode.UnlinkAt);
        Assert.Equal(33, (int)Opcode.StdFsCall);
        Assert.Equal(34, (int)Opcode.Detach);
        Assert.Equal(5, (int)CqeOpcode.RespondAndNotifyOnDetach);
        Assert.Equal(2, (int)SqeFlags.MultipleIds);
        Assert.Equal(8, (int)DirentKind.Regular);
        Assert.Equal(4, (int)DirentKind.Directory);
        Assert.Equal(0x2_0000UL, (ulong)CallFlags.MultipleFds);
        Assert.Equal(0x4000_0000_0000_0000UL, AbiLimits.UpperFdTableTag);
        // Extensions, with the numbers of the last release that had them.
        Assert.Equal((nuint)1, SyscallNumbers.Exit);
        Assert.Equal((nuint)20, SyscallNumbers.Getpid);
        Assert.Equal((nuint)7, SyscallNumbers.Waitpid);
        Assert.Equal((nuint)37, SyscallNumbers.Kill);
        Assert.Equal((nuint)0x1010_0005, SyscallNumbers.Open);
        Assert.Equal((nuint)0x2010_0029, SyscallNumbers.Dup);
        Assert.Equal(0, (int)Opcode.Open);
        Assert.Equal(0x0100_0000u, (uint)OpenFlags.CloseOnExec);
        Assert.Equal(9u, (uint)Signal.SIGKILL);
    }

    [Fact]
    public void EveryGeneratedDocCommentIsWellFormedXml()
    {
        string generated = AbiCodeGenerator.Generate(Data);
        int checkedCount = 0;
        foreach (var line in generated.Split('\n'))
        {
            string text = line.Trim();
            if (text.StartsWith("///", StringComparison.Ordinal))
            {
                XElement.Parse(text[3..].Trim());
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 300);
    }

    [Theory]
    [InlineData("[consts A nuint]\nX X 1\n[consts A nuint extension]\nY Y 2\n[consts B nuint]\nZ Z 3\n", "pinned section after an extension")]
    [InlineData("[enum A byte]\nX X 1\n[enum A uint extension]\nY Y 2\n", "must keep its type")]
    [InlineData("[enum A byte later]\nX X 1\n", "bad section header")]
    [InlineData("[struct S 8 extension]\na A 0 8\n", "bad section header")]
    [InlineData("X X 1\n", "entry before any section")]
    [InlineData("[consts A nuint]\nX X NOPE\n", "unknown name")]
    [InlineData("# pinned-release: redox_syscall 0.9.3\n", "pinned-release")]
    public void MalformedDataFilesAreRejectedWithTheLine(string text, string message)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text);
            var error = Assert.Throws<FormatException>(() => AbiDataFile.Load(path));
            Assert.Contains(message, error.Message);
            Assert.StartsWith("line ", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExtensionEntriesMergeIntoTheirPinnedSectionAndAreMarked()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# pinned-release: redox_syscall 9.9.9 " + new string('a', 40) + "\n[enum A byte] # doc\nX X 1\n[enum A byte extension]\nY Y X | 2 # (Redox.NET only)\n");
            var data = AbiDataFile.Load(path);
            var section = Assert.Single(data.Sections);
            Assert.Equal(2, section.Entries.Count);
            Assert.False(section.Entries[0].IsExtension);
            Assert.True(section.Entries[1].IsExtension);
            Assert.Equal(3UL, section.Entries[1].Value);
            Assert.Contains("Redox.NET kernel extension, not in redox_syscall 9.9.9", AbiCodeGenerator.Generate(data));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
