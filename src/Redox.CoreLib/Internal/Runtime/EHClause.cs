namespace Internal.Runtime;

/// <summary>What an exception-handling clause is (ILC's encoding: a finally and a fault clause are both "fault").</summary>
internal enum EHClauseKind
{
    /// <summary><c>catch (T)</c>.</summary>
    Typed = 0,

    /// <summary><c>finally</c> (or fault): runs while unwinding.</summary>
    Fault = 1,

    /// <summary><c>catch when (...)</c>: a filter decides.</summary>
    Filter = 2,
}

/// <summary>One exception-handling clause of a method, with code offsets relative to the method's start.</summary>
internal unsafe struct EHClause
{
    /// <summary>The kind of clause.</summary>
    public EHClauseKind Kind;

    /// <summary>The protected range [TryStart, TryEnd), as offsets from the method's first instruction.</summary>
    public uint TryStart, TryEnd;

    /// <summary>The handler funclet.</summary>
    public nuint Handler;

    /// <summary>The filter funclet (filter clauses only).</summary>
    public nuint Filter;

    /// <summary>The exception type a typed clause catches.</summary>
    public MethodTable* Type;

    /// <summary>True when <paramref name="offset"/> lies in the protected range.</summary>
    public readonly bool Contains(uint offset) => offset >= TryStart && offset < TryEnd;
}

/// <summary>
/// A managed method or funclet found by code address, with what ILC's unwind block (the FDE's LSDA) says about it:
/// a flags byte (kind in bits 0-1: root, handler funclet, filter funclet; 0x04 has EH info; 0x10 has associated
/// data), then for a funclet two 32-bit values (the root's unwind block, relative; the distance back to the root's
/// start), and for a root the optional associated-data and EH-info relative pointers (NativeAOT's
/// UnixNativeCodeManager). The EH info is a clause count and the clauses, in NativeAOT's variable-length integers.
/// </summary>
internal unsafe struct ManagedCode
{
    private const byte KindMask = 0x03;
    private const byte KindFilter = 0x02;
    private const byte HasEHInfo = 0x04;
    private const byte HasAssociatedData = 0x10;

    /// <summary>The function's call-frame information.</summary>
    public DwarfUnwinder.Function Function;

    /// <summary>The first instruction of the root method (a funclet's clauses are relative to it too).</summary>
    public nuint MethodStart;

    /// <summary>True for catch, finally and filter funclets.</summary>
    public bool IsFunclet;

    /// <summary>True for a filter funclet.</summary>
    public bool IsFilter;

    private byte* _ehInfo;

    /// <summary>Finds the managed code at <paramref name="address"/>; false for code ILC did not compile.</summary>
    public static bool TryFind(nuint address, out ManagedCode code)
    {
        code = default;
        if (!DwarfUnwinder.TryFind(address, out code.Function) || code.Function.Lsda == null) return false;
        byte* p = code.Function.Lsda;
        byte flags = *p++;
        byte* main = code.Function.Lsda;
        code.MethodStart = code.Function.Start;
        if ((flags & KindMask) != 0)
        {
            code.IsFunclet = true;
            code.IsFilter = (flags & KindMask) == KindFilter;
            main = p + *(int*)p;
            p += 4;
            code.MethodStart = code.Function.Start - (nuint)(nint)(*(int*)p);
        }
        byte mainFlags = *main;
        byte* q = main + 1;
        if ((mainFlags & HasAssociatedData) != 0) q += 4;
        code._ehInfo = (mainFlags & HasEHInfo) != 0 ? q + *(int*)q : null;
        return true;
    }

    /// <summary>The number of clauses (innermost first, as ECMA-335 II.19 orders them).</summary>
    public int ClauseCount
    {
        get
        {
            if (_ehInfo == null) return 0;
            byte* p = _ehInfo;
            return (int)ReadUnsigned(ref p);
        }
    }

    /// <summary>Clause <paramref name="index"/>.</summary>
    public EHClause GetClause(int index)
    {
        byte* p = _ehInfo;
        int count = (int)ReadUnsigned(ref p);
        EHClause clause = default;
        for (int i = 0; i <= index && i < count; i++)
        {
            clause = default;
            clause.TryStart = ReadUnsigned(ref p);
            uint lengthAndKind = ReadUnsigned(ref p);
            clause.Kind = (EHClauseKind)(lengthAndKind & 3);
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.Handler = MethodStart + ReadUnsigned(ref p);
            if (clause.Kind == EHClauseKind.Typed)
            {
                clause.Type = (MethodTable*)(p + *(int*)p);
                p += 4;
            }
            else if (clause.Kind == EHClauseKind.Filter)
            {
                clause.Filter = MethodStart + ReadUnsigned(ref p);
            }
        }
        return clause;
    }

    // NativeAOT's VarInt: the low bits of the first byte give the length (x0: 1 byte, 01: 2, 011: 3, 0111: 4,
    // 1111: 4 more bytes follow) and the value sits above them.
    private static uint ReadUnsigned(ref byte* p)
    {
        uint first = *p;
        if ((first & 1) == 0) { p += 1; return first >> 1; }
        if ((first & 2) == 0) { uint v = *(ushort*)p; p += 2; return v >> 2; }
        if ((first & 4) == 0) { uint v = *(ushort*)p | (uint)p[2] << 16; p += 3; return v >> 3; }
        if ((first & 8) == 0) { uint v = *(uint*)p; p += 4; return v >> 4; }
        uint value = *(uint*)(p + 1);
        p += 5;
        return value;
    }
}
