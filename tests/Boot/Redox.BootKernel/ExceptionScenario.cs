using System.Runtime.CompilerServices;
using Redox.Kernel.Diagnostics;
using Redox.TwoWorlds;

/// <summary>
/// Exceptions that unwind: catch by exact and base type, filters (true, false, and one that throws), nested
/// try/finally ordering, finally blocks during unwinding, rethrow, throws from catch and finally blocks, ten frames
/// and two assemblies, <c>using</c>, and the exceptions the runtime raises (index, overflow, cast, division).
/// </summary>
public static class ExceptionScenario
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

    private sealed class Resource : IDisposable
    {
        public void Dispose() => Trace(9);
    }

    private static int s_trace;

    // Never assigned: reads through them must fail at run time, not be folded away by the compiler.
#pragma warning disable CS0649
    private static object? s_notAString;
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowThroughFinally()
    {
        try
        {
            Trace(1);
            Throw(5);
        }
        finally
        {
            Trace(2);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ThrowingFilter(Exception e) => throw new InvalidCastException("from a filter");

    /// <summary>Passes when every exception is caught where the host would catch it, after the same finally blocks.</summary>
    public static bool Run()
    {
        bool ok = true;

        int caught = 0;
        try { Throw(7); }
        catch (DeviceException e) { caught = e.Code; }
        ok &= Check.That(caught == 7, "catch by exact type, one frame up");

        caught = 0;
        try { Deep(10, 8); }
        catch (InvalidOperationException e) { caught = e is DeviceException d ? d.Code : -1; }
        ok &= Check.That(caught == 8, "catch by base type, ten frames up");

        caught = 0;
        try { Throw(4); }
        catch (DeviceException e) when (e.Code == 3) { caught = 3; }
        catch (DeviceException e) when (e.Code == 4) { caught = 4; }
        catch (Exception) { caught = -1; }
        ok &= Check.That(caught == 4, "exception filters");

        caught = 0;
        try
        {
            try { Throw(6); }
            catch (DeviceException e) when (ThrowingFilter(e)) { caught = -1; }
        }
        catch (DeviceException e) { caught = e.Code; }
        ok &= Check.That(caught == 6, "a filter that throws says no");

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
        ok &= Check.That(s_trace == 12345, "nested try/finally ordering");

        s_trace = 0;
        try { ThrowThroughFinally(); }
        catch (DeviceException e) { Trace(e.Code); }
        ok &= Check.That(s_trace == 125, "finally runs while unwinding another frame");

        s_trace = 0;
        try
        {
            using (new Resource()) Throw(2);
        }
        catch (DeviceException) { Trace(3); }
        ok &= Check.That(s_trace == 93, "using disposes while unwinding");

        DeviceException? original = null, rethrown = null;
        try
        {
            try { Throw(11); }
            catch (DeviceException e) { original = e; throw; }
        }
        catch (DeviceException e) { rethrown = e; }
        ok &= Check.That(original != null && ReferenceEquals(original, rethrown), "rethrow keeps the exception");

        caught = 0;
        try
        {
            try { Throw(1); }
            catch (DeviceException) { Throw(12); }
        }
        catch (DeviceException e) { caught = e.Code; }
        ok &= Check.That(caught == 12, "a throw from a catch block");

        caught = 0;
        s_trace = 0;
        try
        {
            try { Throw(1); }
            finally { Trace(1); Throw(13); }
        }
        catch (DeviceException e) { caught = e.Code; }
        ok &= Check.That(caught == 13 && s_trace == 1, "a throw from a finally block replaces the exception");

        caught = 0;
        try
        {
            try { Throw(21); }
            catch (DeviceException) when (System.Threading.Volatile.Read(ref s_zero) > 0) { caught = -1; }
            catch (ArgumentException) { caught = -2; }
        }
        catch (DeviceException e) { caught = e.Code; }
        ok &= Check.That(caught == 21, "sibling catch clauses that do not match");

        // Across assemblies: Redox.TwoWorlds throws, this assembly catches, and the other way round.
        caught = 0;
        try { Failures.ParsePort("ps2:x"u8); }
        catch (FormatException) { caught = 1; }
        ok &= Check.That(caught == 1, "an exception from another assembly");
        ok &= Check.That(Failures.Guarded(() => Throw(30)) == 1000 + 13 && Failures.GuardedRuns == 1, "a catch and a finally in another assembly");

        // Thrown by the runtime and the code ILC generates.
        int[] small = new int[2];
        ok &= Check.That(Catches<IndexOutOfRangeException>(() => small[System.Threading.Volatile.Read(ref s_zero) + 5] = 1), "index out of range");
        ok &= Check.That(Catches<OverflowException>(() => { int big = int.MaxValue - s_zero; big = checked(big + 1); }), "checked overflow");
        ok &= Check.That(Catches<InvalidCastException>(() => { object box = 42 + s_zero; string text = (string)box; }), "invalid cast");
        ok &= Check.That(Catches<DivideByZeroException>(() => { int q = 10 / System.Threading.Volatile.Read(ref s_zero); }), "division by zero");
        ok &= Check.That(Catches<NullReferenceException>(() => ((IDigestStep)s_notAString!).Apply(1)), "null interface receiver");
        ok &= Check.That(Catches<NullReferenceException>(() => s_trace = ((Holder)s_notAString!).Value), "null dereference (page fault)");

        KernelLog.WriteLine("exceptions: type and base type, filters, finally ordering, rethrow, frames, assemblies, runtime-raised");
        return ok;
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
