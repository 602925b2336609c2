using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>Every struct's size and field offsets match the pinned layout in the data file.</summary>
public class AbiLayoutTests
{
    public static TheoryData<string> StructNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in AbiDataFile.Load(AbiDataFile.FindPath()).Sections)
        {
            if (s.Kind == "struct")
            {
                data.Add(s.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(StructNames))]
    public void SizeAndOffsetsMatch(string name)
    {
        var section = AbiDataFile.Load(AbiDataFile.FindPath()).Sections.Find(s => s.Kind == "struct" && s.Name == name)!;
        var type = typeof(Sqe).Assembly.GetType("Redox.Syscall." + name)!;
        Assert.NotNull(type);
        Assert.Equal(section.Size, Marshal.SizeOf(type));
        Assert.Equal(section.Size, ManagedSize(type));
        int covered = 0;
        foreach (var field in section.Fields)
        {
            Assert.True(field.Offset == (int)Marshal.OffsetOf(type, field.CsName), name + "." + field.CsName + " (" + field.RedoxName + ")");
            var info = type.GetField(field.CsName)!;
            int size = info.FieldType.IsValueType && info.FieldType.GetCustomAttributes(typeof(UnsafeValueTypeAttribute), false).Length > 0
                ? Marshal.SizeOf(info.FieldType)
                : Marshal.SizeOf(info.FieldType.IsEnum ? Enum.GetUnderlyingType(info.FieldType) : info.FieldType);
            Assert.True(field.Size == size, name + "." + field.CsName + " size");
            covered += field.Size;
        }
        Assert.Equal(type.GetFields().Length, section.Fields.Count);
        Assert.True(covered <= section.Size);
    }

    [Fact]
    public unsafe void ManagedLayoutOfSqeAndCqeIsTheWireLayout()
    {
        Sqe sqe = default;
        byte* b = (byte*)&sqe;
        Assert.Equal(1, (byte*)&sqe.Flags - b);
        Assert.Equal(4, (byte*)&sqe.Tag - b);
        Assert.Equal(8, (byte*)&sqe.Arg0 - b);
        Assert.Equal(48, (byte*)&sqe.Arg5 - b);
        Assert.Equal(56, (byte*)&sqe.Caller - b);
        Assert.Equal(AbiSizes.Sqe, sizeof(Sqe));
        Cqe cqe = default;
        byte* c = (byte*)&cqe;
        Assert.Equal(1, cqe.ExtraRaw - c);
        Assert.Equal(4, (byte*)&cqe.Tag - c);
        Assert.Equal(8, (byte*)&cqe.Result - c);
        Assert.Equal(AbiSizes.Cqe, sizeof(Cqe));
    }

    [Fact]
    public void SqeArgIndexesTheSixArguments()
    {
        var sqe = new Sqe { Arg0 = 10, Arg1 = 11, Arg2 = 12, Arg3 = 13, Arg4 = 14, Arg5 = 15, Caller = 99 };
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal((ulong)(10 + i), sqe.Arg(i));
        }
        Assert.Equal(0UL, sqe.Arg(6));
        Assert.Equal(0UL, sqe.Arg(-1));
    }

    [Fact]
    public void CqeBuildersSetKindTagAndResult()
    {
        var ok = Cqe.RespondOpen(7, SyscallResult.Ok(42), NewFdFlags.Positioned);
        Assert.Equal(CqeOpcode.RespondRegular, ok.Kind);
        Assert.Equal(7u, ok.Tag);
        Assert.Equal(42UL, ok.Result);
        Assert.Equal(NewFdFlags.Positioned, ok.NewFdFlags);
        var ev = Cqe.PostFevent(5, EventFlags.Read | EventFlags.Write);
        Assert.Equal(CqeOpcode.SendFevent, ev.Kind);
        Assert.Equal(3u, ev.Tag);
        Assert.Equal(5UL, ev.Result);
    }

    private static int ManagedSize(Type type)
    {
        var method = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type);
        return (int)method.Invoke(null, null)!;
    }
}
