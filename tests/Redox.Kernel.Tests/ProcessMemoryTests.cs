using System;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Syscall;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// A process's address space over emulated memory: the loader's mappings (bytes, W^X, user, owned), the System V
/// stack, user-pointer validation, and that releasing the space returns every frame.
/// </summary>
public unsafe class ProcessMemoryTests : IDisposable
{
    private readonly EmulatedPhysicalMemory _memory = new EmulatedPhysicalMemory(bytes: 8 << 20);

    public void Dispose() => _memory.Dispose();

    private (AddressSpace Kernel, AddressSpace Process) NewSpaces()
    {
        AddressSpace kernel = _memory.NewSpace();
        Assert.True(kernel.Map(0xFFFF_FFFF_8010_0000, 0x10_0000, PageTableEntry.Global));   // something in the kernel half
        AddressSpace process = AddressSpace.CreateSharing(kernel, 256);
        return (kernel, process);
    }

    private static ElfImage Parse(byte[] image)
    {
        Assert.Equal(ElfError.None, ElfImage.TryParse(image, UserLayout.Start, UserLayout.End, out ElfImage elf));
        return elf;
    }

    [Fact]
    public void The_kernel_half_is_shared_and_the_lower_half_starts_empty()
    {
        var (kernel, process) = NewSpaces();
        Assert.True(process.TryTranslate(0xFFFF_FFFF_8010_0000, out ulong physical));
        Assert.Equal(0x10_0000UL, physical);
        Assert.Equal(_memory.Table(kernel.Root)[511], _memory.Table(process.Root)[511]);
        for (int slot = 0; slot < 256; slot++) Assert.Equal(0UL, _memory.Table(process.Root)[slot]);
    }

    [Fact]
    public void Segments_are_mapped_with_their_bytes_zero_tails_and_W_xor_X()
    {
        var (_, process) = NewSpaces();
        byte[] image = ElfBuilder.Typical().Build();
        ElfImage elf = Parse(image);
        Assert.True(ElfLoader.LoadSegments(process, _memory.Frames, elf));

        Assert.True(process.TryQuery(0x400000, out ulong code, out ulong codeFlags));
        Assert.Equal(ElfBuilder.Pattern(0x300, 1), new ReadOnlySpan<byte>(_memory.Pointer + code, 0x300).ToArray());
        Assert.Equal(PageTableEntry.User | PageTableEntry.Owned, codeFlags & (PageTableEntry.User | PageTableEntry.Owned | PageTableEntry.Writable | PageTableEntry.NoExecute));
        Assert.True(process.TryQuery(0x401000, out _, out ulong readOnly));
        Assert.Equal(PageTableEntry.NoExecute, readOnly & (PageTableEntry.Writable | PageTableEntry.NoExecute));
        Assert.True(process.TryQuery(0x402000, out ulong data, out ulong dataFlags));
        Assert.Equal(PageTableEntry.Writable | PageTableEntry.NoExecute, dataFlags & (PageTableEntry.Writable | PageTableEntry.NoExecute));
        Assert.Equal(0, _memory.Pointer[data + 0x123]);                                 // bss tail is zero
        Assert.True(process.TryQuery(0x404000, out ulong bss, out _));                  // 0x2500 bytes: three pages
        Assert.Equal(0, _memory.Pointer[bss]);
        Assert.False(process.TryTranslate(0x405000, out _));
    }

    [Fact]
    public void The_stack_holds_argc_argv_and_the_strings_in_System_V_layout()
    {
        var (_, process) = NewSpaces();
        ulong rsp = ElfLoader.MapStack(process, _memory.Frames, "usertest"u8, " fault  null "u8);
        Assert.Equal(0UL, rsp % 16);
        Assert.True(rsp < UserLayout.StackTop && rsp > UserLayout.StackTop - 4096);
        Assert.Equal(3UL, Read64(process, rsp));
        Assert.Equal("usertest", ReadString(process, Read64(process, rsp + 8)));
        Assert.Equal("fault", ReadString(process, Read64(process, rsp + 16)));
        Assert.Equal("null", ReadString(process, Read64(process, rsp + 24)));
        Assert.Equal(0UL, Read64(process, rsp + 32));                                   // argv's null
        Assert.Equal(0UL, Read64(process, rsp + 40));                                   // envp
        Assert.True(process.TryQuery(UserLayout.StackTop - UserLayout.StackSize, out _, out ulong flags));
        Assert.Equal(PageTableEntry.Writable | PageTableEntry.NoExecute | PageTableEntry.User, flags & (PageTableEntry.Writable | PageTableEntry.NoExecute | PageTableEntry.User));
        Assert.False(process.TryTranslate(UserLayout.StackTop - UserLayout.StackSize - 4096, out _));   // the guard
        Assert.Equal(0UL, ElfLoader.MapStack(process, _memory.Frames, "x"u8, new byte[3000]));          // too long: refused
    }

    [Fact]
    public void Releasing_a_process_space_returns_every_frame_it_took()
    {
        ulong before = _memory.Frames.FreeFrames;
        var (kernel, _) = NewSpaces();
        ulong withKernel = _memory.Frames.FreeFrames;
        for (int round = 0; round < 20; round++)
        {
            AddressSpace process = AddressSpace.CreateSharing(kernel, 256);
            Assert.True(ElfLoader.LoadSegments(process, _memory.Frames, Parse(ElfBuilder.Typical().Build())));
            Assert.NotEqual(0UL, ElfLoader.MapStack(process, _memory.Frames, "p"u8, default));
            Assert.True(_memory.Frames.FreeFrames < withKernel);
            process.ReleasePrivateHalf(256);
            Assert.Equal(0UL, process.Root);
            Assert.Equal(withKernel, _memory.Frames.FreeFrames);
        }
        Assert.True(kernel.TryTranslate(0xFFFF_FFFF_8010_0000, out _));                  // the kernel half survives
        Assert.True(before > withKernel);
    }

    [Fact]
    public void Frames_not_owned_by_the_process_are_unmapped_but_not_freed()
    {
        var (_, process) = NewSpaces();
        ulong device = _memory.Frames.Allocate();
        Assert.True(process.Map(0x500000, device, PageTableEntry.User | PageTableEntry.Writable));
        process.ReleasePrivateHalf(256);
        Assert.True(_memory.Frames.IsUsed(device / 4096));
    }

    [Fact]
    public void User_pointers_are_checked_against_the_process_mappings()
    {
        var (_, process) = NewSpaces();
        Assert.True(ElfLoader.LoadSegments(process, _memory.Frames, Parse(ElfBuilder.Typical().Build())));
        Assert.Equal((Errno)0, UserMemory.Check(process, 0x400000, 0x300, write: false));
        Assert.Equal((Errno)0, UserMemory.Check(process, 0x402000, 0x2500, write: true));
        Assert.Equal((Errno)0, UserMemory.Check(process, 0x123, 0, write: false));                               // empty: nothing to check
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x400000, 0x10, write: true));                      // code is read-only
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x401FF0, 0x20, write: true));                      // read-only data
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0, 4, write: false));                               // null
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x404FF0, 0x20, write: false));                     // runs off the mapping
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0xFFFF_FFFF_8010_0000, 8, write: false));           // kernel half, mapped
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x0000_8000_0000_0000, 8, write: false));           // non-canonical
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x0000_7FFF_FFFF_F000 - 8, 16, write: false));      // crosses the end
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x400000, ulong.MaxValue, write: false));           // length overflows
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, ulong.MaxValue - 3, 8, write: false));
        Assert.True(process.Map(0x600000, _memory.Frames.Allocate(), PageTableEntry.Writable));                  // supervisor-only page
        Assert.Equal(Errno.EFAULT, UserMemory.Check(process, 0x600000, 8, write: false));
    }

    [Fact]
    public void NextMapped_skips_absent_tables_and_finds_every_mapping()
    {
        var (_, process) = NewSpaces();
        Assert.True(process.Map(0x40_0000, _memory.Frames.Allocate(), PageTableEntry.User));
        Assert.True(process.Map(0x0000_7000_0000_1000, _memory.Frames.Allocate(), PageTableEntry.User));
        Assert.Equal(0x40_0000UL, process.NextMapped(0x1000, UserLayout.End));
        Assert.Equal(0x0000_7000_0000_1000UL, process.NextMapped(0x40_1000, UserLayout.End));
        Assert.Equal(UserLayout.End, process.NextMapped(0x0000_7000_0000_2000, UserLayout.End));
        Assert.Equal(0x50_0000UL, process.NextMapped(0x40_1000, 0x50_0000));       // nothing before the end
    }

    private ulong Read64(AddressSpace space, ulong address)
    {
        Assert.True(space.TryTranslate(address, out ulong physical));
        return *(ulong*)(_memory.Pointer + physical);
    }

    private string ReadString(AddressSpace space, ulong address)
    {
        Assert.True(space.TryTranslate(address, out ulong physical));
        return System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)(_memory.Pointer + physical))!;
    }
}
