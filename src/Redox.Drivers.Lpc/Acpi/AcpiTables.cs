namespace Redox.Drivers.Lpc.Acpi;

/// <summary>
/// The ACPI table walk the RTC needs: RSDP → XSDT (or RSDT) → FADT → CENTURY (ACPI 6.5 §5.2.5-§5.2.9). Every table is
/// checked (signature, length, checksum: all its bytes sum to 0 mod 256) before it is believed; nothing is assumed
/// from a table that fails, and the result says which step failed.
/// </summary>
public static class AcpiTables
{
    /// <summary>Where the BIOS data area keeps the EBDA's real-mode segment (ACPI 6.5 §5.2.5.1).</summary>
    public const ulong EbdaPointer = 0x40E;

    /// <summary>The BIOS read-only area searched after the EBDA.</summary>
    public const ulong BiosAreaStart = 0xE0000, BiosAreaEnd = 0x100000;

    /// <summary>Byte offset of CENTURY in the FADT (ACPI 6.5 Table 5.9).</summary>
    public const int CenturyOffset = 108;

    private const int HeaderLength = 36;       // the System Description Table Header (§5.2.6)
    private const uint MaxTableLength = 0x10000; // an RSDT/XSDT/FADT longer than 64 KiB is not believed

    /// <summary>
    /// Finds the FADT's CENTURY register: <see cref="FadtCentury.Register"/> with its CMOS index in
    /// <paramref name="register"/>, or why there is none (then <paramref name="register"/> is 0).
    /// </summary>
    public static FadtCentury FindCentury<TMemory>(ref TMemory memory, out byte register)
        where TMemory : struct, IPhysicalMemory
    {
        register = 0;
        if (!TryFindRsdp(ref memory, out ulong rsdp, out FadtCentury failure)) return failure;
        Span<byte> pointer = stackalloc byte[36];
        if (!memory.TryRead(rsdp, pointer.Slice(0, 20))) return FadtCentury.Unreadable;
        byte revision = pointer[15];
        ulong rsdt = Read32(pointer, 16), xsdt = 0;
        // ACPI 2.0+: the XSDT's 64-bit address, under the extended checksum over the whole structure (36 bytes).
        if (revision >= 2 && memory.TryRead(rsdp, pointer) && Read32(pointer, 20) >= 36 && Sum(pointer) == 0) xsdt = Read64(pointer, 24);

        // The XSDT when there is a valid one (ACPI: OSPM uses it); else the RSDT.
        FadtCentury result = FadtCentury.BadRootTable;
        if (xsdt != 0) result = FromRoot(ref memory, xsdt, "XSDT"u8, 8, out register);
        if (result == FadtCentury.BadRootTable && rsdt != 0) result = FromRoot(ref memory, rsdt, "RSDT"u8, 4, out register);
        return result;
    }

    // The RSDP's address: the first 16-byte-aligned "RSD PTR " whose first 20 bytes sum to 0, in the EBDA's first KiB,
    // then in 0xE0000-0xFFFFF (ACPI 6.5 §5.2.5.1); else why not (Unreadable, NoRsdp).
    private static bool TryFindRsdp<TMemory>(ref TMemory memory, out ulong address, out FadtCentury failure)
        where TMemory : struct, IPhysicalMemory
    {
        address = 0;
        failure = FadtCentury.Unreadable;
        Span<byte> segment = stackalloc byte[2];
        if (!memory.TryRead(EbdaPointer, segment)) return false;
        ulong ebda = (ulong)(segment[0] | segment[1] << 8) << 4;
        // A real EBDA lies in conventional memory below the 640 KiB hole; zero or anything else is no EBDA.
        if (ebda >= 0x80000 && ebda < 0xA0000 && Search(ref memory, ebda, ebda + 1024, out address)) return true;
        Span<byte> probe = stackalloc byte[1];
        if (!memory.TryRead(BiosAreaStart, probe)) return false;
        if (Search(ref memory, BiosAreaStart, BiosAreaEnd, out address)) return true;
        failure = FadtCentury.NoRsdp;
        return false;
    }

    private static bool Search<TMemory>(ref TMemory memory, ulong start, ulong end, out ulong address)
        where TMemory : struct, IPhysicalMemory
    {
        Span<byte> candidate = stackalloc byte[20];
        for (ulong at = start; at + 20 <= end; at += 16)
        {
            if (!memory.TryRead(at, candidate.Slice(0, 8)) || !candidate.Slice(0, 8).SequenceEqual("RSD PTR "u8)) continue;
            if (memory.TryRead(at, candidate) && Sum(candidate) == 0)
            {
                address = at;
                return true;
            }
        }
        address = 0;
        return false;
    }

    // The root table's entries, each a table address of entrySize bytes; the first valid "FACP" gives the answer.
    private static FadtCentury FromRoot<TMemory>(ref TMemory memory, ulong address, ReadOnlySpan<byte> signature, int entrySize, out byte register)
        where TMemory : struct, IPhysicalMemory
    {
        register = 0;
        if (!TryTable(ref memory, address, signature, out uint length)) return FadtCentury.BadRootTable;
        Span<byte> entry = stackalloc byte[8];
        Span<byte> header = stackalloc byte[4];
        Span<byte> century = stackalloc byte[1];
        bool sawBadFadt = false;
        for (uint at = HeaderLength; at + entrySize <= length; at += (uint)entrySize)
        {
            entry.Clear();
            if (!memory.TryRead(address + at, entry.Slice(0, entrySize))) return FadtCentury.BadRootTable;
            ulong table = Read64(entry, 0);
            if (table == 0) continue;
            if (!memory.TryRead(table, header) || !header.SequenceEqual("FACP"u8)) continue;
            if (!TryTable(ref memory, table, "FACP"u8, out uint fadtLength))
            {
                sawBadFadt = true;
                continue;
            }
            if (fadtLength <= CenturyOffset) return FadtCentury.NoRegister;
            if (!memory.TryRead(table + CenturyOffset, century)) return FadtCentury.BadFadt;
            if (century[0] == 0) return FadtCentury.NoRegister;
            // 0x00-0x0D are the clock's own registers and status registers A-D; CMOS has 128 bytes.
            if (century[0] < 0x0E || century[0] > 0x7F) return FadtCentury.BadRegister;
            register = century[0];
            return FadtCentury.Register;
        }
        return sawBadFadt ? FadtCentury.BadFadt : FadtCentury.NoFadt;
    }

    // A table with this signature, a believable length and a zero checksum over that length.
    private static bool TryTable<TMemory>(ref TMemory memory, ulong address, ReadOnlySpan<byte> signature, out uint length)
        where TMemory : struct, IPhysicalMemory
    {
        length = 0;
        Span<byte> header = stackalloc byte[HeaderLength];
        if (!memory.TryRead(address, header) || !header.Slice(0, 4).SequenceEqual(signature)) return false;
        uint claimed = (uint)Read32(header, 4);
        if (claimed < HeaderLength || claimed > MaxTableLength) return false;
        byte sum = 0;
        Span<byte> chunk = stackalloc byte[256];
        for (uint at = 0; at < claimed; at += (uint)chunk.Length)
        {
            int n = (int)(claimed - at < (uint)chunk.Length ? claimed - at : (uint)chunk.Length);
            if (!memory.TryRead(address + at, chunk.Slice(0, n))) return false;
            sum += Sum(chunk.Slice(0, n));
        }
        if (sum != 0) return false;
        length = claimed;
        return true;
    }

    private static byte Sum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        for (int i = 0; i < bytes.Length; i++) sum += bytes[i];
        return sum;
    }

    private static ulong Read32(ReadOnlySpan<byte> b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);

    private static ulong Read64(ReadOnlySpan<byte> b, int at) => Read32(b, at) | Read32(b, at + 4) << 32;
}
