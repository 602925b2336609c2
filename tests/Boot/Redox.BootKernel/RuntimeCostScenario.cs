using System.Runtime.CompilerServices;
using Redox.Kernel.Diagnostics;

/// <summary>
/// Instruction counts of the runtime's dispatch paths, for benchmarks/README.md: run under
/// <c>qemu-system-x86_64 -icount shift=0</c> the TSC counts instructions. Each figure is a loop's TSC delta divided
/// by its iterations, loop overhead included; the direct-call loop is the baseline to subtract.
/// </summary>
public static class RuntimeCostScenario
{
    private const int Iterations = 10000;
    private const int Throws = 200;

    private interface IOperation
    {
        int Run(int x);
    }

    private abstract class Operation : IOperation
    {
        public abstract int Run(int x);
    }

    private sealed class Increment : Operation
    {
        public override int Run(int x) => x + 1;
    }

    private sealed class Double : Operation
    {
        public override int Run(int x) => x * 2;
    }

    private sealed class Negate : Operation
    {
        public override int Run(int x) => -x;
    }

    // Implementers outside the class hierarchy: ILC cannot turn the interface calls into virtual calls.
    private sealed class Square : IOperation
    {
        public int Run(int x) => x * x;
    }

    private struct Identity : IOperation
    {
        public int Run(int x) => x;
    }

    // Generic virtual methods: the same work as Operation.Run, with a method-level type parameter.
    private abstract class Converter
    {
        public abstract int Run<T>(int x, T tag) where T : struct;
    }

    private sealed class IncrementConverter : Converter
    {
        public override int Run<T>(int x, T tag) => x + 1;
    }

    private sealed class DoubleConverter : Converter
    {
        public override int Run<T>(int x, T tag) => x * 2;
    }

    // The same over a reference-type argument: shared code, reached through a fat pointer with its dictionary.
    private abstract class SharedConverter
    {
        public abstract int Run<T>(int x, T tag);
    }

    private sealed class IncrementSharedConverter : SharedConverter
    {
        public override int Run<T>(int x, T tag) => x + 1;
    }

    private sealed class DoubleSharedConverter : SharedConverter
    {
        public override int Run<T>(int x, T tag) => x * 2;
    }

    private interface IConverter
    {
        int Run<T>(int x, T tag) where T : struct;
    }

    private sealed class IncrementInterfaceConverter : IConverter
    {
        public int Run<T>(int x, T tag) where T : struct => x + 1;
    }

    private sealed class DoubleInterfaceConverter : IConverter
    {
        public int Run<T>(int x, T tag) where T : struct => x * 2;
    }

    private static readonly InvalidOperationException s_failure = new InvalidOperationException("measured");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Direct(int x) => x + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int DirectLoop(int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = Direct(s);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int VirtualLoop(Operation operation, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = operation.Run(s);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int InterfaceLoop(IOperation operation, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = operation.Run(s);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GenericVirtualLoop(Converter converter, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = converter.Run(s, 0L);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SharedGenericVirtualLoop(SharedConverter converter, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = converter.Run(s, "tag");
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GenericInterfaceLoop(IConverter converter, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = converter.Run(s, 0L);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int DelegateLoop(Func<int, int> function, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = function(s);
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SharedDelegateLoop(Func<int, string, int> function, int n)
    {
        int s = 0;
        for (int i = 0; i < n; i++) s = function(s, "tag");
        return s;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail() => throw s_failure;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Down(int depth)
    {
        if (depth == 0) Fail();
        return Down(depth - 1) + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CatchAt(int depth)
    {
        try
        {
            return Down(depth);
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>Prints one line per figure.</summary>
    public static bool Run()
    {
        Operation[] operations = { new Increment(), new Double(), new Negate() };
        // Warm up: resolve every call site once, so the figures are cache hits.
        int sink = DirectLoop(10) + VirtualLoop(operations[0], 10) + InterfaceLoop(operations[0], 10) + DelegateLoop(Direct, 10) + CatchAt(0) + CatchAt(9);
        foreach (Operation operation in operations) sink += InterfaceLoop(operation, 1) + VirtualLoop(operation, 1);
        sink += InterfaceLoop(new Square(), 1) + InterfaceLoop(new Identity(), 1);
        sink += InterfaceLoop(operations[0], 10);
        Converter[] converters = { new IncrementConverter(), new DoubleConverter() };
        IConverter[] interfaceConverters = { new IncrementInterfaceConverter(), new DoubleInterfaceConverter() };
        foreach (Converter converter in converters) sink += GenericVirtualLoop(converter, 1);
        foreach (IConverter converter in interfaceConverters) sink += GenericInterfaceLoop(converter, 1);
        SharedConverter[] sharedConverters = { new IncrementSharedConverter(), new DoubleSharedConverter() };
        foreach (SharedConverter converter in sharedConverters) sink += SharedGenericVirtualLoop(converter, 1);
        Func<int, int> function = Direct;
        Func<int, string, int> sharedDelegate = sharedConverters[0].Run<string>;
        sink += SharedDelegateLoop(sharedDelegate, 1);

        ulong start = TestNative.ReadTimestampCounter();
        sink += DirectLoop(Iterations);
        Report("direct call", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += VirtualLoop(operations[0], Iterations);
        Report("virtual call", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += InterfaceLoop(operations[0], Iterations);
        Report("interface call (monomorphic, cache hit)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += GenericVirtualLoop(converters[0], Iterations);
        Report("generic virtual method call (cache hit)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += GenericInterfaceLoop(interfaceConverters[0], Iterations);
        Report("generic interface method call (cache hit)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += SharedGenericVirtualLoop(sharedConverters[0], Iterations);
        Report("shared generic virtual method call, reference-type argument (cache hit, fat pointer)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += DelegateLoop(function, Iterations);
        Report("delegate invocation (static method)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        sink += SharedDelegateLoop(sharedDelegate, Iterations);
        Report("delegate invocation (shared generic virtual method, through ILC's thunk)", start, Iterations);
        start = TestNative.ReadTimestampCounter();
        for (int i = 0; i < Throws; i++) sink += CatchAt(0);
        Report("throw caught one frame up", start, Throws);
        start = TestNative.ReadTimestampCounter();
        for (int i = 0; i < Throws; i++) sink += CatchAt(9);
        Report("throw caught ten frames up", start, Throws);
        return sink != 0;
    }

    private static void Report(string what, ulong start, int count)
    {
        ulong elapsed = TestNative.ReadTimestampCounter() - start;
        KernelLog.Write("runtimecost ");
        KernelLog.Write(what);
        KernelLog.Write(": ");
        KernelLog.WriteDecimal(elapsed / (ulong)count);
        KernelLog.WriteLine(" instructions per iteration");
    }
}
