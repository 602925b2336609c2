using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime;

/// <summary>
/// Steps from a managed frame to its caller with the call-frame information ILC emits for every method and funclet
/// in <c>.eh_frame</c> (DWARF 5 §6.4, with the <c>.eh_frame</c> encoding of the System V x86-64 ABI §4.2.4). ILC's
/// CIEs carry an LSDA pointer per FDE: the method's unwind block (UnwindBlock). Only what RyuJIT's prologs use is
/// interpreted: CFA = register + offset, registers saved at CFA-relative offsets.
/// </summary>
internal static unsafe class DwarfUnwinder
{
    private const int ReturnAddressRegister = 16;
    private const int RuleCount = 17;

    private static byte* s_start;
    private static byte* s_end;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpGetUnwindInfoRange")]
    private static extern void GetUnwindInfoRange(byte** start, byte** end);

    /// <summary>One function's entry: its code range, its LSDA (null if none) and its CFI.</summary>
    public struct Function
    {
        /// <summary>The first instruction.</summary>
        public nuint Start;

        /// <summary>Just past the last instruction.</summary>
        public nuint End;

        /// <summary>ILC's unwind block for the function, or null.</summary>
        public byte* Lsda;

        internal byte* Instructions, InstructionsEnd, CieInstructions, CieInstructionsEnd;
        internal long CodeAlignment, DataAlignment;
        internal byte FdeEncoding;
    }

    // A sorted index of every FDE (code start, FDE address), built once at start-up: lookups are binary searches.
    private static nuint* s_index;
    private static int s_indexCount;

    /// <summary>
    /// Builds the FDE index (called by the runtime's start-up, so that neither a throw nor a fault handler ever
    /// allocates). Without it, or if memory is short, lookups fall back to a linear scan.
    /// </summary>
    public static void Initialize()
    {
        byte* start, end;
        GetUnwindInfoRange(&start, &end);
        s_end = end;
        s_start = start;
        int count = 0;
        for (byte* p = s_start; NextEntry(ref p, out byte* entry, out uint cieOffset);) if (cieOffset != 0) count++;
        nuint* index = (nuint*)KernelImports.HeapAllocate((nuint)(count * 2 * sizeof(nuint)));
        if (index == null || count == 0) return;
        int n = 0;
        Function function = default;
        for (byte* p = s_start; NextEntry(ref p, out byte* entry, out uint cieOffset);)
        {
            if (cieOffset == 0 || !ParseCie(entry - cieOffset + 4, ref function, out _, out _)) continue;
            byte* q = entry + 4;
            nuint codeStart = ReadEncoded(ref q, function.FdeEncoding);
            // Insertion sort: ILC and ld emit FDEs in address order already, so this is linear in practice.
            int i = n++;
            while (i > 0 && index[(i - 1) * 2] > codeStart)
            {
                index[i * 2] = index[(i - 1) * 2];
                index[i * 2 + 1] = index[(i - 1) * 2 + 1];
                i--;
            }
            index[i * 2] = codeStart;
            index[i * 2 + 1] = (nuint)entry;
        }
        s_indexCount = n;
        s_index = index;
    }

    /// <summary>Finds the function containing <paramref name="address"/> (an instruction, not a return address).</summary>
    public static bool TryFind(nuint address, out Function function)
    {
        function = default;
        if (s_start == null)
        {
            byte* start, end;
            GetUnwindInfoRange(&start, &end);
            s_end = end;
            s_start = start;
        }
        if (s_index != null)
        {
            // The last entry starting at or below the address.
            int low = 0, high = s_indexCount - 1, found = -1;
            while (low <= high)
            {
                int middle = (low + high) / 2;
                if (s_index[middle * 2] <= address) { found = middle; low = middle + 1; }
                else high = middle - 1;
            }
            if (found < 0) return false;
            byte* entry = (byte*)s_index[found * 2 + 1];
            return ParseFde(entry, entry + *(uint*)(entry - 4), entry - *(uint*)entry + 4, address, ref function);
        }
        for (byte* p = s_start; NextEntry(ref p, out byte* entry, out uint cieOffset);)
        {
            // The CIE pointer counts back from its own position to the CIE's length field.
            if (cieOffset != 0 && ParseFde(entry, entry + *(uint*)(entry - 4), entry - cieOffset + 4, address, ref function)) return true;
        }
        return false;
    }

    // Steps over one CIE or FDE; false at the terminator or the end. entry points past the length field.
    private static bool NextEntry(ref byte* p, out byte* entry, out uint cieOffset)
    {
        entry = null;
        cieOffset = 0;
        if (p + 8 > s_end) return false;
        uint length = *(uint*)p;
        if (length == 0 || length == 0xFFFFFFFF) return false; // terminator; 64-bit DWARF is never emitted here
        entry = p + 4;
        cieOffset = *(uint*)entry;
        p = entry + length;
        return true;
    }

    private static bool ParseFde(byte* entry, byte* next, byte* cie, nuint address, ref Function function)
    {
        if (!ParseCie(cie, ref function, out byte lsdaEncoding, out bool hasAugmentation)) return false;
        byte* q = entry + 4;
        nuint start = ReadEncoded(ref q, function.FdeEncoding);
        nuint range = ReadEncoded(ref q, (byte)(function.FdeEncoding & 0x0F));
        if (address < start || address >= start + range) return false;
        function.Start = start;
        function.End = start + range;
        function.Lsda = null;
        if (hasAugmentation)
        {
            ulong augmentationLength = ReadUleb(ref q);
            byte* instructions = q + augmentationLength;
            if (lsdaEncoding != 0xFF && augmentationLength > 0) function.Lsda = (byte*)ReadEncoded(ref q, lsdaEncoding);
            q = instructions;
        }
        function.Instructions = q;
        function.InstructionsEnd = next;
        return true;
    }

    private static bool ParseCie(byte* cie, ref Function function, out byte lsdaEncoding, out bool hasAugmentation)
    {
        lsdaEncoding = 0xFF;
        byte* end = cie + *(uint*)(cie - 4);
        byte* q = cie + 4;
        byte version = *q++;
        byte* augmentation = q;
        while (*q != 0) q++;
        q++;
        function.CodeAlignment = (long)ReadUleb(ref q);
        function.DataAlignment = ReadSleb(ref q);
        if (version == 1) q++; else ReadUleb(ref q); // return address register: always 16 on x86-64
        function.FdeEncoding = 0; // absolute pointers unless 'R' says otherwise
        hasAugmentation = augmentation[0] == (byte)'z';
        if (hasAugmentation)
        {
            ulong length = ReadUleb(ref q);
            byte* data = q;
            for (byte* a = augmentation + 1; *a != 0; a++)
            {
                if (*a == (byte)'L') lsdaEncoding = *data++;
                else if (*a == (byte)'R') function.FdeEncoding = *data++;
                else if (*a == (byte)'P') { byte encoding = *data++; ReadEncoded(ref data, encoding); }
                else if (*a != (byte)'S') return false;
            }
            q += length;
        }
        function.CieInstructions = q;
        function.CieInstructionsEnd = end;
        return true;
    }

    /// <summary>
    /// Turns <paramref name="context"/>, the state of a frame executing <paramref name="function"/> just before
    /// <paramref name="address"/> finished, into its caller's state. False when the CFI uses something not handled.
    /// </summary>
    public static bool Unwind(ref RegisterContext context, in Function function, nuint address)
    {
        CfaState state = default;
        state.Register = 7;
        CfaState none = default;
        if (!Execute(ref state, function.CieInstructions, function.CieInstructionsEnd, function, ~(nuint)0, in none)) return false;
        CfaState initial = state;
        if (!Execute(ref state, function.Instructions, function.InstructionsEnd, function, address, in initial)) return false;

        nuint cfa = (nuint)((long)context.Get(state.Register) + state.Offset);
        if (state.Kind[ReturnAddressRegister] != RuleOffset) return false;
        RegisterContext caller = context;
        for (int register = 0; register < RuleCount; register++)
        {
            if (state.Kind[register] == RuleOffset) caller.Set(register, *(nuint*)(cfa + (nuint)state.Saved[register]));
        }
        caller.Rsp = cfa;
        context = caller;
        return true;
    }

    private const byte RuleSame = 0;
    private const byte RuleOffset = 1;

    private struct CfaState
    {
        public int Register;
        public long Offset;
        public fixed byte Kind[RuleCount];
        public fixed long Saved[RuleCount];
    }

    private static bool Execute(ref CfaState state, byte* p, byte* end, in Function function, nuint target, in CfaState initial)
    {
        nuint location = function.Start;
        CfaState remembered = default;
        while (p < end)
        {
            byte op = *p++;
            int high = op & 0xC0;
            int low = op & 0x3F;
            if (high == 0x40)
            {
                location += (nuint)(low * function.CodeAlignment);
                if (location > target) return true;
                continue;
            }
            if (high == 0x80) { SetOffset(ref state, low, (long)ReadUleb(ref p) * function.DataAlignment); continue; }
            if (high == 0xC0) { Restore(ref state, low, initial); continue; }
            switch (op)
            {
                case 0x00: break;                                                                  // nop
                case 0x01: location = ReadEncoded(ref p, function.FdeEncoding); if (location > target) return true; break;
                case 0x02: location += (nuint)(*p * function.CodeAlignment); p += 1; if (location > target) return true; break;
                case 0x03: location += (nuint)(*(ushort*)p * function.CodeAlignment); p += 2; if (location > target) return true; break;
                case 0x04: location += (nuint)(*(uint*)p * function.CodeAlignment); p += 4; if (location > target) return true; break;
                case 0x05: { int r = (int)ReadUleb(ref p); SetOffset(ref state, r, (long)ReadUleb(ref p) * function.DataAlignment); break; }
                case 0x06: Restore(ref state, (int)ReadUleb(ref p), initial); break;
                case 0x07:
                case 0x08: { int r = (int)ReadUleb(ref p); if (r < RuleCount) state.Kind[r] = RuleSame; break; }
                case 0x0A: remembered = state; break;
                case 0x0B: { int register = state.Register; long offset = state.Offset; state = remembered; state.Register = register; state.Offset = offset; break; }
                case 0x0C: state.Register = (int)ReadUleb(ref p); state.Offset = (long)ReadUleb(ref p); break;
                case 0x0D: state.Register = (int)ReadUleb(ref p); break;
                case 0x0E: state.Offset = (long)ReadUleb(ref p); break;
                case 0x11: { int r = (int)ReadUleb(ref p); SetOffset(ref state, r, ReadSleb(ref p) * function.DataAlignment); break; }
                case 0x12: state.Register = (int)ReadUleb(ref p); state.Offset = ReadSleb(ref p) * function.DataAlignment; break;
                case 0x13: state.Offset = ReadSleb(ref p) * function.DataAlignment; break;
                case 0x2E: ReadUleb(ref p); break;                                                 // GNU_args_size
                default: return false;                                                             // expressions and the rest
            }
        }
        return true;
    }

    private static void SetOffset(ref CfaState state, int register, long offset)
    {
        if (register >= RuleCount) return;
        state.Kind[register] = RuleOffset;
        state.Saved[register] = offset;
    }

    private static void Restore(ref CfaState state, int register, in CfaState initial)
    {
        if (register >= RuleCount) return;
        state.Kind[register] = initial.Kind[register];
        state.Saved[register] = initial.Saved[register];
    }

    private static nuint ReadEncoded(ref byte* p, byte encoding)
    {
        byte* position = p;
        nuint value;
        switch (encoding & 0x0F)
        {
            case 0x00: value = *(nuint*)p; p += 8; break;
            case 0x01: value = (nuint)ReadUleb(ref p); break;
            case 0x02: value = *(ushort*)p; p += 2; break;
            case 0x03: value = *(uint*)p; p += 4; break;
            case 0x04: value = (nuint)(*(ulong*)p); p += 8; break;
            case 0x09: value = (nuint)ReadSleb(ref p); break;
            case 0x0A: value = (nuint)(nint)(*(short*)p); p += 2; break;
            case 0x0B: value = (nuint)(nint)(*(int*)p); p += 4; break;
            case 0x0C: value = (nuint)(*(long*)p); p += 8; break;
            default: return 0;
        }
        if ((encoding & 0x70) == 0x10) value += (nuint)position; // pc-relative
        return value;
    }

    private static ulong ReadUleb(ref byte* p)
    {
        ulong result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = *p++;
            result |= (ulong)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return result;
    }

    private static long ReadSleb(ref byte* p)
    {
        long result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = *p++;
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }
}
