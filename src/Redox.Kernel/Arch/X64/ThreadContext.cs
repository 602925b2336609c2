namespace Redox.Kernel.Arch.X64;

/// <summary>Builds the first context of a new thread: an interrupt frame that "returns" into its entry, in ring 0 or ring 3.</summary>
public static unsafe class ThreadContext
{
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
        return (nuint)frame;
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
        return (nuint)frame;
    }

    /// <summary>True when the saved context resumes in ring 3.</summary>
    public static bool IsUserMode(nuint context) => (((InterruptFrame*)context)->Cs & 3) == 3;
}
