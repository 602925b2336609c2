using System;
using System.Collections.Generic;
using Redox.Drivers.Lpc.Acpi;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>
/// The walk RSDP → XSDT/RSDT → FADT → CENTURY against synthetic tables in a synthetic physical memory: where the RSDP
/// may be, which root table wins, every checksum, and a FADT without a century register.
/// </summary>
public class AcpiTablesTests
{
    private const ulong Rsdt = 0x7FE1000, Xsdt = 0x7FE2000, Fadt = 0x7FE3000, OtherFadt = 0x7FE4000, Apic = 0x7FE5000;

    [Fact]
    public void An_ACPI_1_RSDP_in_the_BIOS_area_leads_through_the_RSDT_to_the_FADTs_century_register()
    {
        var memory = Machine(rsdpAt: 0xF5A40, revision: 0, rsdtEntries: [Apic, Fadt]);

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x32, register);
    }

    [Fact]
    public void The_RSDP_is_found_in_the_EBDAs_first_KiB_too()
    {
        var memory = Machine(rsdpAt: 0x9FC40, revision: 0, rsdtEntries: [Fadt], ebdaSegment: 0x9FC0);

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x32, register);
    }

    [Fact]
    public void An_RSDP_beyond_the_EBDAs_first_KiB_is_not_one()
    {
        var memory = Machine(rsdpAt: 0x9FC00 + 0x400, revision: 0, rsdtEntries: [Fadt], ebdaSegment: 0x9FC0);

        Assert.Equal(FadtCentury.NoRsdp, AcpiTables.FindCentury(ref memory, out _));
    }

    [Fact]
    public void With_an_ACPI_2_RSDP_the_XSDT_is_used_not_the_RSDT()
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 2, rsdtEntries: [OtherFadt], xsdtEntries: [Apic, Fadt]);

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x32, register); // the XSDT's FADT, not the RSDT's (which says 0x48)
    }

    [Fact]
    public void An_XSDT_with_a_bad_checksum_is_passed_over_for_the_RSDT()
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 2, rsdtEntries: [OtherFadt], xsdtEntries: [Fadt]);
        memory.Poke(Xsdt + 40, 0x11);

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x48, register);
    }

    [Fact]
    public void An_RSDP_whose_extended_checksum_is_wrong_has_no_XSDT()
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 2, rsdtEntries: [OtherFadt], xsdtEntries: [Fadt]);
        memory.Poke(0xF0000 + 33, 0x01); // a reserved byte outside the first 20: only the extended checksum covers it

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x48, register);
    }

    [Fact]
    public void A_signature_with_a_bad_checksum_is_not_the_RSDP_and_a_later_good_one_is()
    {
        var memory = Machine(rsdpAt: 0xF0010, revision: 0, rsdtEntries: [Fadt]);
        memory.Write(0xE0000, Rsdp(0, OtherFadt, 0));
        memory.Poke(0xE0000 + 9, 0x5A); // the OEM ID: breaks the checksum

        Assert.Equal(FadtCentury.Register, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0x32, register);
    }

    [Fact]
    public void No_RSDP_anywhere_is_NoRsdp()
    {
        var memory = new SyntheticMemory();
        memory.Write(0, new byte[0x1000]);
        memory.Write(0xE0000, new byte[0x20000]);

        Assert.Equal(FadtCentury.NoRsdp, AcpiTables.FindCentury(ref memory, out _));
    }

    [Fact]
    public void A_FADT_with_a_bad_checksum_is_BadFadt_and_no_FADT_at_all_is_NoFadt()
    {
        var bad = Machine(rsdpAt: 0xF0000, revision: 0, rsdtEntries: [Fadt]);
        bad.Poke(Fadt + 200, 0x77);
        Assert.Equal(FadtCentury.BadFadt, AcpiTables.FindCentury(ref bad, out byte register));
        Assert.Equal(0, register);

        var none = Machine(rsdpAt: 0xF0000, revision: 0, rsdtEntries: [Apic]);
        Assert.Equal(FadtCentury.NoFadt, AcpiTables.FindCentury(ref none, out _));
    }

    [Fact]
    public void An_RSDT_with_a_bad_checksum_is_BadRootTable()
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 0, rsdtEntries: [Fadt]);
        memory.Poke(Rsdt + 36, 0x01);

        Assert.Equal(FadtCentury.BadRootTable, AcpiTables.FindCentury(ref memory, out _));
    }

    [Theory]
    [InlineData(0x00, FadtCentury.NoRegister, 0)]
    [InlineData(0x0D, FadtCentury.BadRegister, 0)]
    [InlineData(0x80, FadtCentury.BadRegister, 0)]
    [InlineData(0x7F, FadtCentury.Register, 0x7F)]
    public void CENTURY_0_means_no_register_and_a_clock_or_out_of_range_index_is_not_one(byte century, FadtCentury expected, byte register)
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 0, rsdtEntries: [Fadt], century: century);

        Assert.Equal(expected, AcpiTables.FindCentury(ref memory, out byte found));
        Assert.Equal(register, found);
    }

    [Fact]
    public void A_FADT_that_ends_before_offset_108_has_no_century_register()
    {
        var memory = Machine(rsdpAt: 0xF0000, revision: 0, rsdtEntries: [Fadt], fadtLength: 100);

        Assert.Equal(FadtCentury.NoRegister, AcpiTables.FindCentury(ref memory, out byte register));
        Assert.Equal(0, register);
    }

    [Fact]
    public void Memory_that_cannot_be_read_is_Unreadable_not_a_missing_table()
    {
        var memory = new SyntheticMemory(); // nothing readable: what a kernel that refuses the pages gives
        Assert.Equal(FadtCentury.Unreadable, AcpiTables.FindCentury(ref memory, out _));

        var biosAreaRefused = new SyntheticMemory();
        biosAreaRefused.Write(0, new byte[0x1000]);
        Assert.Equal(FadtCentury.Unreadable, AcpiTables.FindCentury(ref biosAreaRefused, out _));
    }

    // A machine: BDA page (EBDA segment at 0x40E), the BIOS area with the RSDP, an RSDT (and XSDT), a FADT with CENTURY
    // (default 0x32, as QEMU's), another FADT saying 0x48, and an APIC table, all with correct checksums.
    private static SyntheticMemory Machine(ulong rsdpAt, byte revision, ulong[] rsdtEntries, ulong[]? xsdtEntries = null,
        ushort ebdaSegment = 0, byte century = 0x32, int fadtLength = 244)
    {
        var memory = new SyntheticMemory();
        var bda = new byte[0x1000];
        bda[0x40E] = (byte)ebdaSegment;
        bda[0x40F] = (byte)(ebdaSegment >> 8);
        memory.Write(0, bda);
        memory.Write(0x80000, new byte[0x20000]); // conventional memory up to 640 KiB, where an EBDA lives
        memory.Write(0xE0000, new byte[0x20000]);
        memory.Write(rsdpAt, Rsdp(revision, Rsdt, xsdtEntries is null ? 0 : Xsdt));
        memory.Write(Rsdt, RootTable("RSDT", rsdtEntries, 4));
        if (xsdtEntries is not null) memory.Write(Xsdt, RootTable("XSDT", xsdtEntries, 8));
        memory.Write(Fadt, FadtTable(fadtLength, century));
        memory.Write(OtherFadt, FadtTable(244, 0x48));
        memory.Write(Apic, Table("APIC", new byte[44]));
        return memory;
    }

    private static byte[] Rsdp(byte revision, ulong rsdt, ulong xsdt)
    {
        var rsdp = new byte[revision >= 2 ? 36 : 20];
        "RSD PTR "u8.CopyTo(rsdp);
        "REDOX "u8.CopyTo(rsdp.AsSpan(9));
        rsdp[15] = revision;
        BitConverter.TryWriteBytes(rsdp.AsSpan(16), (uint)rsdt);
        rsdp[8] = Checksum(rsdp.AsSpan(0, 20));
        if (revision >= 2)
        {
            BitConverter.TryWriteBytes(rsdp.AsSpan(20), 36u);
            BitConverter.TryWriteBytes(rsdp.AsSpan(24), xsdt);
            rsdp[32] = Checksum(rsdp);
        }
        return rsdp;
    }

    private static byte[] RootTable(string signature, ulong[] entries, int size)
    {
        var body = new byte[entries.Length * size];
        for (int i = 0; i < entries.Length; i++)
        {
            if (size == 4) BitConverter.TryWriteBytes(body.AsSpan(i * 4), (uint)entries[i]);
            else BitConverter.TryWriteBytes(body.AsSpan(i * 8), entries[i]);
        }
        return Table(signature, body);
    }

    private static byte[] FadtTable(int length, byte century)
    {
        var body = new byte[length - 36];
        if (length > AcpiTables.CenturyOffset) body[AcpiTables.CenturyOffset - 36] = century;
        return Table("FACP", body);
    }

    // The header (ACPI 6.5 §5.2.6): signature, length, revision, checksum (byte 9), OEM fields; then the body.
    private static byte[] Table(string signature, byte[] body)
    {
        var table = new byte[36 + body.Length];
        System.Text.Encoding.ASCII.GetBytes(signature).CopyTo(table, 0);
        BitConverter.TryWriteBytes(table.AsSpan(4), (uint)table.Length);
        table[8] = 1;
        "REDOX "u8.CopyTo(table.AsSpan(10));
        body.CopyTo(table, 36);
        table[9] = Checksum(table);
        return table;
    }

    private static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (byte b in bytes) sum += b;
        return (byte)(0 - sum);
    }

    /// <summary>Physical memory made of the regions written; anything else cannot be read (as a refused page).</summary>
    private struct SyntheticMemory : IPhysicalMemory
    {
        private List<(ulong Start, byte[] Bytes)>? _regions;

        public void Write(ulong address, byte[] bytes)
        {
            _regions ??= new List<(ulong, byte[])>();
            foreach ((ulong start, byte[] region) in _regions)
            {
                if (address >= start && address + (ulong)bytes.Length <= start + (ulong)region.Length)
                {
                    bytes.CopyTo(region, (int)(address - start));
                    return;
                }
            }
            _regions.Add((address, (byte[])bytes.Clone()));
        }

        public void Poke(ulong address, byte value) => Write(address, [value]);

        public readonly bool TryRead(ulong address, Span<byte> destination)
        {
            foreach ((ulong start, byte[] region) in _regions ?? [])
            {
                if (address >= start && address + (ulong)destination.Length <= start + (ulong)region.Length)
                {
                    region.AsSpan((int)(address - start), destination.Length).CopyTo(destination);
                    return true;
                }
            }
            return false;
        }
    }
}
