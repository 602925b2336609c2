/// <summary>
/// Ways a ring-3 program can go wrong: each must end only this process, with a one-line report from the kernel.
/// None of them returns normally.
/// </summary>
internal static unsafe class FaultScenarios
{
    public static int Run(ReadOnlySpan<byte> kind)
    {
        Output.Text("usertest: fault "u8);
        Output.Line(kind);
        if (kind.SequenceEqual("null"u8)) return *(int*)0;
        if (kind.SequenceEqual("ud2"u8)) Native.InvalidOpcode();
        if (kind.SequenceEqual("hlt"u8)) Native.Halt();
        if (kind.SequenceEqual("cli"u8)) Native.DisableInterrupts();
        if (kind.SequenceEqual("cr3"u8)) return (int)Native.ReadCr3();
        if (kind.SequenceEqual("writecode"u8)) *(byte*)(delegate*<ReadOnlySpan<byte>, int>)&Run = 0xCC;
        if (kind.SequenceEqual("kernelread"u8)) return *(int*)0xFFFF_FFFF_8010_0000;
        if (kind.SequenceEqual("kernelwindow"u8)) return *(int*)0xFFFF_8000_0010_0000;
        // A page of the kernel's code past its entry code (kernel.ld: .entry.text, then the rest of .text) and the top
        // page of the first kernel stack slot (the idle thread's): mapped in the kernel half (a protection fault, error
        // bit 0 set) unless page-table isolation hides them (not present, bit 0 clear).
        if (kind.SequenceEqual("kerneltext"u8)) return *(int*)0xFFFF_FFFF_8011_0000;
        if (kind.SequenceEqual("kernelstack"u8)) return *(int*)0xFFFF_D000_0000_F000;
        // The same read of the physical window after timer interrupts have taken this process out of ring 3 and back
        // (no system call in between): the interrupt return path, not only sysret, must leave the user view loaded.
        if (kind.SequenceEqual("kernelafterirq"u8))
        {
            ulong start = Native.ReadTimestampCounter();
            while (Native.ReadTimestampCounter() - start < 300_000_000) { }      // ~0.1 s under TCG: many 10 ms ticks
            return *(int*)0xFFFF_8000_0010_0000;
        }
        if (kind.SequenceEqual("kerneljump"u8)) ((delegate*<void>)0xFFFF_FFFF_8010_0000)();
        if (kind.SequenceEqual("stackoverflow"u8)) return Recurse(0);
        if (kind.SequenceEqual("execstack"u8))
        {
            byte* code = stackalloc byte[16];
            code[0] = 0xC3;                                   // ret: would run if the stack were executable
            ((delegate*<void>)code)();
        }
        Output.Line("usertest: the fault did not happen"u8);
        return 3;
    }

    private static int Recurse(int depth)
    {
        byte* frame = stackalloc byte[512];
        frame[0] = (byte)depth;
        return Recurse(depth + 1) + frame[0];
    }
}
