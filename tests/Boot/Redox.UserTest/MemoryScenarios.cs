using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// Physical memory for a ring-3 driver through <c>memory:</c>, as its grants allow (the boot scenario starts it with
/// memory=0xfee00000-0xfee00fff,0x200000-0x2fffff dma=8): the local APIC's registers mapped uncached and read, a DMA
/// buffer of two physically contiguous pages whose physical addresses <c>memory:translation</c> gives, and refusals:
/// a device range outside the grant, RAM inside a grant, a second DMA buffer over the budget.
/// </summary>
public static unsafe class MemoryScenarios
{
    /// <summary>Runs the checks; 0 when all hold.</summary>
    public static int Run()
    {
        SyscallResult device = Sys.Open("memory:physical@uc"u8, OpenFlags.ReadWrite);
        if (device.IsError) return Fail("open memory:physical@uc"u8, device);
        SyscallResult apic = Sys.Fmap((nuint)device.Value, new Map { Offset = 0xFEE0_0000, Size = 4096, Flags = (ulong)MapFlags.ProtRead });
        if (apic.IsError) return Fail("map the local APIC"u8, apic);
        uint version = *(uint*)(apic.Value + 0x30);                      // local APIC version register
        if ((version & 0xFF) < 0x10 || (version & 0xFF) > 0x15) return Fail("the local APIC version register"u8, SyscallResult.Ok(version));

        SyscallResult outside = Sys.Fmap((nuint)device.Value, new Map { Offset = 0xFEC0_0000, Size = 4096, Flags = (ulong)MapFlags.ProtRead });
        if (!outside.IsError || outside.Error != Errno.EACCES) return Fail("a device range outside the grant is EACCES"u8, outside);
        SyscallResult ram = Sys.Fmap((nuint)device.Value, new Map { Offset = 0x20_0000, Size = 4096, Flags = (ulong)MapFlags.ProtRead });
        if (!ram.IsError || ram.Error != Errno.EACCES) return Fail("RAM is never a device, even granted"u8, ram);

        SyscallResult dma = Sys.Open("memory:zeroed?phys_contiguous"u8, OpenFlags.ReadWrite);
        if (dma.IsError) return Fail("open memory:zeroed?phys_contiguous"u8, dma);
        SyscallResult buffer = Sys.Fmap((nuint)dma.Value, new Map { Size = 8192, Flags = (ulong)(MapFlags.ProtRead | MapFlags.ProtWrite) });
        if (buffer.IsError) return Fail("allocate 8 KiB of DMA memory"u8, buffer);
        byte* bytes = (byte*)buffer.Value;
        for (int i = 0; i < 8192; i++)
        {
            if (bytes[i] != 0) return Fail("DMA memory comes zeroed"u8, SyscallResult.Ok((ulong)i));
        }
        bytes[0] = 0xA5;
        bytes[8191] = 0x5A;
        SyscallResult translation = Sys.Open("memory:translation"u8, OpenFlags.ReadWrite);
        if (translation.IsError) return Fail("open memory:translation"u8, translation);
        ulong first = Translate((nuint)translation.Value, buffer.Value);
        ulong second = Translate((nuint)translation.Value, buffer.Value + 4096);
        if (first == 0 || (first & 0xFFF) != 0 || second != first + 4096) return Fail("the two pages are physically contiguous"u8, SyscallResult.Ok(second - first));
        SyscallResult over = Sys.Fmap((nuint)dma.Value, new Map { Size = 4096, Flags = (ulong)(MapFlags.ProtRead | MapFlags.ProtWrite) });
        if (!over.IsError || over.Error != Errno.EACCES) return Fail("DMA beyond the budget is EACCES"u8, over);

        Output.Text("usertest: memory: local APIC version "u8);
        Output.Number(version & 0xFF);
        Output.Line(", 8 KiB of contiguous DMA memory, refusals as granted"u8);
        return 0;
    }

    private static ulong Translate(nuint fd, ulong address)
    {
        ulong word = address;
        SyscallResult r = Sys.SchemeCall(fd, new Span<byte>(&word, sizeof(ulong)), CallFlags.Read | CallFlags.Write, default);
        return r.IsError ? 0 : word;
    }

    private static int Fail(ReadOnlySpan<byte> what, SyscallResult result) => Output.Fail(what, result);
}
