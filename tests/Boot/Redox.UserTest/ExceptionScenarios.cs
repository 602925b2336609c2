using System.Runtime.CompilerServices;
using System.Threading;
using Redox.Syscall;
using Redox.TwoWorlds;

/// <summary>
/// Exceptions in ring 3, the same cases as the kernel's <c>exceptions</c> boot scenario: catch by exact and base
/// type, filters, nested finally ordering, rethrow, ten frames and two assemblies, exceptions the runtime raises in
/// software (index, overflow, cast) and, through the kernel's fault upcall, from the CPU (null, division).
/// </summary>
internal static class ExceptionScenarios
{
    private sealed class DeviceException : InvalidOperationException
    {
        public DeviceException(string message, int code) : base(message) => Code = code;

        public int Code { get; }
    }

    private sealed class Holder
    {
        public int Value = 1;
    }

    private static int s_trace;

    // Never assigned: reads through them must fail at run time, not be folded away by the compiler.
#pragma warning disable CS0649
    private static object? s_nothing;
    private static int s_zero;
#pragma warning restore CS0649

    private static void Trace(int step) => s_trace = s_trace * 10 + step;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(int code) => throw new DeviceException("device failed", code);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Deep(int depth, int code)
    {
        if (depth == 0) Throw(code);
        return Deep(depth - 1, code) + 1;
    }

    /// <summary>Every software-raised case; true when each is caught where the host would catch it.</summary>
    public static void Run()
    {
        int caught = 0;
        try { Throw(7); }
        catch (DeviceException e) { caught = e.Code; }
        RuntimeChecks.That(caught == 7, "catch by exact type"u8);

        caught = 0;
        try { Deep(10, 8); }
        catch (InvalidOperationException e) { caught = e is DeviceException d ? d.Code : -1; }
        RuntimeChecks.That(caught == 8, "catch by base type, ten frames up"u8);

        caught = 0;
        try { Throw(4); }
        catch (DeviceException e) when (e.Code == 3) { caught = 3; }
        catch (DeviceException e) when (e.Code == 4) { caught = 4; }
        catch (Exception) { caught = -1; }
        RuntimeChecks.That(caught == 4, "exception filters"u8);

        s_trace = 0;
        try
        {
            try
            {
                try { Trace(1); Throw(1); }
                finally { Trace(2); }
            }
            finally { Trace(3); }
        }
        catch (DeviceException) { Trace(4); }
        finally { Trace(5); }
        RuntimeChecks.That(s_trace == 12345, "nested try/finally ordering"u8);

        DeviceException? original = null, rethrown = null;
        try
        {
            try { Throw(11); }
            catch (DeviceException e) { original = e; throw; }
        }
        catch (DeviceException e) { rethrown = e; }
        RuntimeChecks.That(original != null && ReferenceEquals(original, rethrown), "rethrow keeps the exception"u8);

        caught = 0;
        try { Failures.ParsePort("ps2:x"u8); }
        catch (FormatException) { caught = 1; }
        RuntimeChecks.That(caught == 1 && Failures.Guarded(() => Throw(30)) == 1000 + 13, "exceptions crossing assemblies"u8);

        int[] small = new int[2];
        RuntimeChecks.That(Catches<IndexOutOfRangeException>(() => small[Volatile.Read(ref s_zero) + 5] = 1), "index out of range"u8);
        RuntimeChecks.That(Catches<OverflowException>(() => { int big = int.MaxValue - s_zero; big = checked(big + 1); }), "checked overflow"u8);
        RuntimeChecks.That(Catches<InvalidCastException>(() => { object box = 42 + s_zero; string text = (string)box; }), "invalid cast"u8);
        RuntimeChecks.That(Catches<NullReferenceException>(() => ((IDigestStep)s_nothing!).Apply(1)), "null interface receiver"u8);
    }

    /// <summary>Exceptions the CPU raises (#PF at a null field, #DE), caught through the kernel's fault upcall.</summary>
    public static void RunHardware()
    {
        RuntimeChecks.That(Catches<NullReferenceException>(() => s_trace = ((Holder)s_nothing!).Value), "null dereference (page fault)"u8);
        RuntimeChecks.That(Catches<DivideByZeroException>(() => { int q = 10 / Volatile.Read(ref s_zero); }), "division by zero (#DE)"u8);
        int caught = 0;
        try
        {
            try { s_trace = ((Holder)s_nothing!).Value; }
            finally { caught = 1; }
        }
        catch (NullReferenceException) { caught += 10; }
        RuntimeChecks.That(caught == 11, "a fault unwinds through finally"u8);
        RuntimeChecks.That(CalleeSavedRegistersSurvive(), "callee-saved registers survive a caught fault"u8);
        for (int i = 0; i < 3; i++) RuntimeChecks.That(Catches<DivideByZeroException>(() => { int q = i / Volatile.Read(ref s_zero); }), "repeated faults"u8);
    }

    // Six values live across the calls, so the compiler keeps them in callee-saved registers (rbx, rbp, r12-r15),
    // which the frames between here and the fault never touch: after the catch they must hold what they held.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool CalleeSavedRegistersSurvive()
    {
        ulong seed = (ulong)Volatile.Read(ref s_zero) + 1;   // unknown to the compiler: nothing folds
        ulong a = seed, b = seed + 1, c = seed + 2, d = seed + 3, e = seed + 4, f = seed + 5;
        for (int i = 0; i < 4; i++)
        {
            CatchNullTwoFramesDown();
            a = a * 3 + 1; b = b * 5 + 2; c = c * 7 + 3; d = d * 11 + 4; e = e * 13 + 5; f = f * 17 + 6;
        }
        return (a ^ b << 1 ^ c << 2 ^ d << 3 ^ e << 4 ^ f << 5) == Mixed(seed);
    }

    // The same arithmetic with no call in between.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Mixed(ulong seed)
    {
        ulong a = seed, b = seed + 1, c = seed + 2, d = seed + 3, e = seed + 4, f = seed + 5;
        for (int i = 0; i < 4; i++)
        {
            a = a * 3 + 1; b = b * 5 + 2; c = c * 7 + 3; d = d * 11 + 4; e = e * 13 + 5; f = f * 17 + 6;
        }
        return a ^ b << 1 ^ c << 2 ^ d << 3 ^ e << 4 ^ f << 5;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CatchNullTwoFramesDown()
    {
        try { ReadNull(); }
        catch (NullReferenceException) { }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadNull() => ((Holder)s_nothing!).Value;

    /// <summary>Throws with nobody to catch it: the process must end with the unhandled-exception report.</summary>
    public static int Uncaught()
    {
        Output.Line("usertest: throwing with no handler"u8);
        Throw(99);
        return 0;
    }

    /// <summary>A null dereference with no handler: the upcall finds none, the process ends by SIGSEGV as before.</summary>
    public static int UncaughtFault()
    {
        Output.Line("usertest: faulting with no handler"u8);
        return ((Holder)s_nothing!).Value;
    }

    /// <summary>
    /// Registers an entry that points at unmapped memory, then divides by zero: the upcall itself faults, and that
    /// second fault must end the process (never be delivered again). Also checks the call's bad-input answers.
    /// </summary>
    public static int BadFaultEntry()
    {
        if (Sys.FaultUpcall(FaultUpcallOp.Handled).Error != Errno.EINVAL) return Output.Fail("Handled outside an upcall is EINVAL"u8);
        if (Sys.FaultUpcall(FaultUpcallOp.Decline).Error != Errno.EINVAL) return Output.Fail("Decline outside an upcall is EINVAL"u8);
        if (Sys.FaultUpcall((FaultUpcallOp)99).Error != Errno.EINVAL) return Output.Fail("an unknown op is EINVAL"u8);
        if (Sys.FaultUpcall(FaultUpcallOp.Register, unchecked((nuint)0xFFFF_8000_0000_0000)).Error != Errno.EFAULT) return Output.Fail("a kernel entry address is EFAULT"u8);
        if (Sys.FaultUpcall(FaultUpcallOp.Register, (nuint)0x0000_6000_0000_0000UL).IsError) return Output.Fail("registering an entry"u8);
        Output.Line("usertest: dividing by zero with a broken fault entry"u8);
        return 10 / Volatile.Read(ref s_zero);
    }

    private static bool Catches<T>(Action action) where T : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (T)
        {
            return true;
        }
    }
}
