using System.Runtime;
using System.Runtime.CompilerServices;

/// <summary>The assembly stubs of native/Faults.S.</summary>
internal static class Native
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_hlt")] public static extern void Halt();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_cli")] public static extern void DisableInterrupts();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_ud2")] public static extern void InvalidOpcode();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_read_cr3")] public static extern ulong ReadCr3();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_rdtsc")] public static extern ulong ReadTimestampCounter();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_syscall_registers")]
    public static extern unsafe ulong SyscallRegisters(ulong number, ulong a, ulong b, ulong c, ulong* saved);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "usertest_syscall_xmm")]
    public static extern ulong SyscallKeepsXmm(ulong number, ulong seed);
}
