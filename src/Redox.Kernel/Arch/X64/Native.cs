using System.Runtime;
using System.Runtime.CompilerServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The assembly stubs in <c>Arch/X64/native/*.S</c>: one instruction each, System V calling convention. Only
/// bare-metal code paths reach this class; host tests never load it.
/// </summary>
internal static unsafe class Native
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_outb")] public static extern void Out8(ushort port, byte value);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_outw")] public static extern void Out16(ushort port, ushort value);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_outd")] public static extern void Out32(ushort port, uint value);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_inb")] public static extern byte In8(ushort port);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_inw")] public static extern ushort In16(ushort port);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_ind")] public static extern uint In32(ushort port);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_read_cr2")] public static extern ulong ReadCr2();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_read_cr3")] public static extern ulong ReadCr3();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_write_cr3")] public static extern void WriteCr3(ulong value);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_invlpg")] public static extern void InvalidatePage(ulong address);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_cli")] public static extern void DisableInterrupts();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_sti")] public static extern void EnableInterrupts();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_hlt")] public static extern void Halt();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_sti_hlt")] public static extern void EnableInterruptsAndHalt();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_cli_saving_flags")] public static extern ulong DisableInterruptsSavingFlags();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_pause")] public static extern void Pause();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_rdtsc")] public static extern ulong ReadTimestampCounter();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_rdmsr")] public static extern ulong ReadMsr(uint msr);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_wrmsr")] public static extern void WriteMsr(uint msr, ulong value);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_load_gdt")] public static extern void LoadGdt(void* pointer, ushort codeSelector, ushort dataSelector, ushort tssSelector);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_load_idt")] public static extern void LoadIdt(void* pointer);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_cpuid")] public static extern void Cpuid(uint leaf, uint subleaf, uint* registers);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_read_cr0")] public static extern ulong ReadCr0();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_read_cr4")] public static extern ulong ReadCr4();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_write_cr4")] public static extern void WriteCr4(ulong value);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_user_copy")] public static extern nuint UserCopy(void* destination, void* source, nuint count, nuint smap);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_user_fault_resume")] public static extern ulong UserFaultResume(ulong rip);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_switch")] public static extern void Switch(nuint* saveStackPointer, nuint resumeStackPointer);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_thread_start_address")] public static extern ulong ThreadStartAddress();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_thread_start_isolated_address")] public static extern ulong ThreadStartIsolatedAddress();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_load_task_register")] public static extern void LoadTaskRegister(ushort selector);

    /// <summary>Fills two words: the entry code's pages (kernel.ld's .entry.text), start and end.</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_entry_text_range")] public static extern void EntryTextRange(ulong* words);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_early_heap_range")] public static extern void EarlyHeapRange(byte** start, byte** end);

    /// <summary>Fills seven words: physical start, physical end, virtual base, text end, read-only end, end, text start.</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_kernel_layout")] public static extern void KernelLayout(ulong* words);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "__managed__Main")] public static extern int ImageMain(int argc, nint argv);

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_syscall_entry_address")] public static extern ulong SyscallEntryAddress();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_syscall_entry_isolated_address")] public static extern ulong SyscallEntryIsolatedAddress();

    /// <summary>The linked type-name table (see Redox.Sdk's RedoxWriteTypeNameTable).</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_type_name_table")] public static extern ulong* TypeNameTable();

    /// <summary>The interrupt stub addresses, 256 plain then 256 isolating (a data symbol read through a tiny accessor).</summary>
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_interrupt_stub_table")] public static extern ulong* InterruptStubTable();
}
