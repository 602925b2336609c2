using Redox.Kernel.Arch.X64;
namespace Redox.Kernel.Arch;

/// <summary>
/// Arch contract: a thread's context, its first one, the switch between two, and preparing the CPU for the next
/// thread. A thread's saved context on x86-64 is the stack pointer <c>redox_switch</c> left: below it, the callee-saved
/// registers and the address the switch returns to. This builds a new thread's first one: a start frame (an interrupt
/// frame that "returns" into its entry, in ring 0 or ring 3) at the top of its stack, and under it a switch frame that
/// returns into the interrupt return path, which resumes the start frame.
/// </summary>
public static unsafe class ThreadContext
{
    private const int SwitchFrameWords = 7;    // r15, r14, r13, r12, rbx, rbp, return address (native/Interrupts.S)

    /// <summary>Switches from the running thread (its context saved in <paramref name="save"/>) to <paramref name="resume"/>; interrupts must be off.</summary>
    public static void Switch(nuint* save, nuint resume) => Native.Switch(save, resume);

    /// <summary>The kernel's page-table root, the one threads without a process run on (from <c>Threads.Initialize</c>).</summary>
    public static void InitializeSpaces(ulong kernelRoot) => AddressSpaces.Initialize(kernelRoot);

    /// <summary>A process's page-table root is going away: nothing may keep it loaded or tagged.</summary>
    public static void ForgetSpace(ulong root) => AddressSpaces.Forget(root);

    /// <summary>
    /// Prepares the CPU to run a thread: the kernel stack ring 3 enters on (<paramref name="kernelStackTop"/>), its
    /// address space (<paramref name="pageTableRoot"/>), and the I/O ports its process may use (none for a kernel
    /// thread or a process without port grants).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void Activate(ulong kernelStackTop, ulong pageTableRoot, in PortGrants ports)
    {
        PerCpu.Activate(kernelStackTop, pageTableRoot);
        // Port grants are rare: the bitmap is touched only when the next process has some or some are open.
        if (ports.Count != 0 || IoPermissionBitmap.AnyOpen) IoPermissionBitmap.Switch(ports);
    }

    private static nuint UnderSwitchFrame(InterruptFrame* start)
    {
        ulong* words = (ulong*)start - SwitchFrameWords;
        for (int i = 0; i < SwitchFrameWords - 1; i++) words[i] = 0;
        words[SwitchFrameWords - 1] = PageTableIsolation.Enabled ? Native.ThreadStartIsolatedAddress() : Native.ThreadStartAddress();
        return (nuint)words;
    }

    private const ulong InterruptsEnabled = 0x202;
    private const ushort DefaultFpuControl = 0x037F;
    private const uint DefaultMxcsr = 0x1F80;

    /// <summary>
    /// Places a frame at the top of the stack so the interrupt return path starts
    /// <paramref name="entry"/>(<paramref name="first"/>, <paramref name="second"/>) with interrupts on. The entry sees
    /// a stack as if called (rsp = 8 mod 16) with a zero return address.
    /// </summary>
    public static nuint Create(byte* stackBase, nuint stackSize, delegate*<nint, nint, void> entry, nint first, nint second)
    {
        ulong top = ((ulong)stackBase + stackSize) & ~15UL;
        ulong entryRsp = top - 8;                  // as after a call: rsp = 8 (mod 16)
        *(ulong*)entryRsp = 0;
        InterruptFrame* frame = (InterruptFrame*)((entryRsp - (ulong)sizeof(InterruptFrame)) & ~15UL);
        byte* raw = (byte*)frame;
        for (int i = 0; i < sizeof(InterruptFrame); i++) raw[i] = 0;
        *(ushort*)frame->FxState = DefaultFpuControl;
        *(uint*)(frame->FxState + 24) = DefaultMxcsr;
        frame->Rip = (ulong)entry;
        frame->Rdi = (ulong)first;
        frame->Rsi = (ulong)second;
        frame->Cs = Gdt.KernelCode;
        frame->Ss = Gdt.KernelData;
        frame->Rflags = InterruptsEnabled;
        frame->Rsp = entryRsp;
        return UnderSwitchFrame(frame);
    }

    /// <summary>
    /// Places a frame at the top of a kernel stack so the interrupt return path enters ring 3 at
    /// <paramref name="entry"/> with <paramref name="userStack"/> as its stack, interrupts on, a clean SSE state and
    /// every general register zero (nothing of the kernel leaks into the new process).
    /// </summary>
    public static nuint CreateUser(byte* kernelStackBase, nuint kernelStackSize, ulong entry, ulong userStack)
    {
        ulong top = ((ulong)kernelStackBase + kernelStackSize) & ~15UL;
        InterruptFrame* frame = (InterruptFrame*)((top - (ulong)sizeof(InterruptFrame)) & ~15UL);
        byte* raw = (byte*)frame;
        for (int i = 0; i < sizeof(InterruptFrame); i++) raw[i] = 0;
        *(ushort*)frame->FxState = DefaultFpuControl;
        *(uint*)(frame->FxState + 24) = DefaultMxcsr;
        frame->Rip = entry;
        frame->Cs = Gdt.UserCode;
        frame->Ss = Gdt.UserData;
        frame->Rflags = InterruptsEnabled;
        frame->Rsp = userStack;
        return UnderSwitchFrame(frame);
    }

    /// <summary>True when <paramref name="frame"/> (an interrupt frame) was taken in ring 3.</summary>
    public static bool IsUserMode(nuint frame) => (((InterruptFrame*)frame)->Cs & 3) == 3;
}
