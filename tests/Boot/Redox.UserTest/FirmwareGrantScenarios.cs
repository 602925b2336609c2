using Redox.Syscall;

/// <summary>
/// What <c>memory:physical</c> refuses (boot scenario <c>firmwaregrant</c>, which starts this program three times with
/// different grants): under <c>memory=firmware</c> only read-only maps of firmware memory (the first MiB, the memory
/// map's reserved regions); without any physical grant nothing; and RAM the kernel hands out never, not even inside a
/// range granted by address. Each refusal is EACCES and the process goes on to its next check.
/// </summary>
public static unsafe class FirmwareGrantScenarios
{
    /// <summary>The legacy BIOS area, firmware memory on every PC (and never RAM the kernel hands out: below 1 MiB).</summary>
    private const ulong BiosArea = 0xE_0000, BiosAreaSize = 0x2_0000;

    /// <summary>16 MiB: inside the available region under QEMU's -m 128M, so RAM the frame allocator hands out.</summary>
    private const ulong KernelRam = 0x100_0000;

    /// <summary>24 MiB, the page the <c>ram</c> variant is granted by address (still RAM: the grant must not help).</summary>
    private const ulong GrantedRam = 0x180_0000;

    /// <summary>1 GiB: far above 128 MiB of RAM and in no region QEMU's memory map reserves.</summary>
    private const ulong AboveRam = 0x4000_0000;

    /// <summary>Runs the variant <paramref name="grant"/> names (firmware, none, ram); 0 when every check holds.</summary>
    public static int Run(ReadOnlySpan<byte> grant)
    {
        SyscallResult memory = Sys.Open("memory:physical"u8, OpenFlags.ReadWrite);
        if (memory.IsError) return Output.Fail("open memory:physical"u8, memory);
        nuint fd = (nuint)memory.Value;
        if (grant.SequenceEqual("firmware"u8)) return FirmwareOnly(fd);
        if (grant.SequenceEqual("none"u8)) return NoGrant(fd);
        if (grant.SequenceEqual("ram"u8)) return RamGrantedByAddress(fd);
        return Output.Fail("firmwaregrant: unknown variant"u8);
    }

    private static int FirmwareOnly(nuint fd)
    {
        SyscallResult bios = Map(fd, BiosArea, BiosAreaSize, writable: false);
        if (bios.IsError) return Output.Fail("firmware: the BIOS area maps read-only"u8, bios);
        // Something real is read: the ACPI RSDP's signature, which a BIOS keeps on a 16-byte boundary in 0xE0000-0xFFFFF.
        ulong rsdp = FindRsdp((byte*)bios.Value, BiosAreaSize);
        if (rsdp == 0) return Output.Fail("firmware: no RSDP signature in the mapped BIOS area"u8);

        int failed = Refused(Map(fd, BiosArea, 0x1000, writable: true), "firmware: a writable map of the BIOS area is EACCES"u8);
        failed |= Refused(Map(fd, KernelRam, 0x1000, writable: false), "firmware: kernel RAM (16 MiB) is EACCES"u8);
        failed |= Refused(Map(fd, AboveRam, 0x1000, writable: false), "firmware: memory above RAM that nothing reserves is EACCES"u8);
        // A range that starts in firmware memory and runs into RAM: refused whole, not up to where it turns.
        failed |= Refused(Map(fd, 0xF_F000, 0x2000, writable: false), "firmware: a range running from the BIOS area into RAM is EACCES"u8);
        if (failed != 0) return failed;

        // The earlier map is still there and still reads: the refusals changed nothing in this process.
        if (FindRsdp((byte*)bios.Value, BiosAreaSize) != rsdp) return Output.Fail("firmware: the BIOS map survives the refusals"u8);
        Output.Text("usertest: firmware grant: BIOS area read-only, RSDP at "u8);
        Output.Number(BiosArea + rsdp);
        Output.Line("; writable, kernel RAM and above-RAM maps refused"u8);
        return 0;
    }

    private static int NoGrant(nuint fd)
    {
        int failed = Refused(Map(fd, BiosArea, 0x1000, writable: false), "no grant: the BIOS area is EACCES"u8);
        if (failed != 0) return failed;
        Output.Line("usertest: no physical grant: the BIOS area refused"u8);
        return 0;
    }

    private static int RamGrantedByAddress(nuint fd)
    {
        int failed = Refused(Map(fd, GrantedRam, 0x1000, writable: false), "ram grant: RAM granted by address is EACCES"u8);
        failed |= Refused(Map(fd, GrantedRam, 0x1000, writable: true), "ram grant: RAM granted by address is EACCES writable too"u8);
        if (failed != 0) return failed;
        Output.Line("usertest: RAM granted by address: refused"u8);
        return 0;
    }

    private static SyscallResult Map(nuint fd, ulong physical, ulong size, bool writable)
        => Sys.Fmap(fd, new Map { Offset = physical, Size = size, Flags = (ulong)(writable ? MapFlags.ProtRead | MapFlags.ProtWrite : MapFlags.ProtRead) });

    /// <summary>0 when <paramref name="result"/> is EACCES; otherwise reports <paramref name="what"/> and returns 1.</summary>
    private static int Refused(SyscallResult result, ReadOnlySpan<byte> what)
        => result.IsError && result.Error == Errno.EACCES ? 0 : Output.Fail(what, result);

    /// <summary>The offset of "RSD PTR " in the mapped area, 0 when absent (it is never at offset 0 of 0xE0000 on QEMU).</summary>
    private static ulong FindRsdp(byte* area, ulong size)
    {
        ReadOnlySpan<byte> signature = "RSD PTR "u8;
        for (ulong offset = 16; offset + 8 <= size; offset += 16)
        {
            if (new ReadOnlySpan<byte>(area + offset, 8).SequenceEqual(signature)) return offset;
        }
        return 0;
    }
}
