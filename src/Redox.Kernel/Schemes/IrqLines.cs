using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// The <c>irq:</c> scheme, Redox's way: a driver opens <c>irq:N</c> (its manifest must grant line N), reads the line's
/// interrupt count (8 bytes) and writes it back to acknowledge. Each interrupt masks its line at the PIC until the
/// acknowledgement, so a level-triggered device cannot storm the CPU while its driver is away; the count change is
/// readiness for <c>event:</c> queues (EVENT_READ) and wakes a blocked reader. One deviation: a read with nothing new
/// blocks (EAGAIN with O_NONBLOCK), where Redox's answers 0 bytes. Lines 0 (the scheduler's timer) and 2 (the
/// cascade) are the kernel's. The counts, openers and mask rules are <see cref="IrqLineTable{TMask}"/>, the code the
/// hosted kernel runs too; this class adds the PIC behind it, the blocked readers and the user-memory copies.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
public static unsafe class IrqLines
{
    /// <summary>Lines of the two 8259s.</summary>
    public const int Count = IrqLineRules.Count;

    // Built by Initialize, not by a class constructor: a spurious IRQ 7 or 15 reaches OnInterrupt even with every line
    // masked, and a constructor run lazily from there would allocate inside an interrupt; a class with none also needs
    // no "initialized yet?" check on each access from the interrupt path (the IRQ-to-driver budget counts them).
    private static IrqLineTable<ControllerMask> s_lines = null!;
    private static readonly KernelThread?[] s_readers = new KernelThread?[Count];

    /// <summary>Builds the line table, at boot before any interrupt can arrive (all lines masked).</summary>
    public static void Initialize() => s_lines = new IrqLineTable<ControllerMask>(default);

    /// <summary>Interrupts seen on <paramref name="line"/> since boot.</summary>
    public static ulong CountOf(int line) => s_lines.CountOf(line);

    /// <summary>open("irq:N").</summary>
    public static SyscallResult Open(Process process, ReadOnlySpan<byte> path, uint flags)
    {
        Errno refused = IrqLineRules.Check(path, process.IrqGrants, out int line);
        if (refused != 0) return refused;
        KernelFile file = new KernelFile(flags, line);
        using (InterruptGuard.Enter()) file.Offset = s_lines.Open(line);
        int fd = process.Files.Add(file);
        if (fd >= 0) return SyscallResult.Ok((ulong)fd);
        Release(file);
        return Errno.EMFILE;
    }

    /// <summary>read(irq, buf): the count, once it differs from the last acknowledged one (blocks until it does).</summary>
    public static SyscallResult Read(Process process, KernelFile file, ulong buffer, ulong length)
    {
        if (length < sizeof(ulong)) return Errno.EINVAL;
        int line = (int)file.HandleId;
        ulong count;
        using (InterruptGuard.Enter())
        {
            while ((count = s_lines.CountOf(line)) == file.Offset)      // nothing since the last acknowledgement
            {
                if ((file.Flags & (uint)OpenFlags.NonBlock) != 0) return Errno.EAGAIN;
                if (process.KillPending) return Errno.EINTR;
                s_readers[line] = Threads.Current;
                Threads.Block();
                if (s_readers[line] == Threads.Current) s_readers[line] = null;
            }
        }
        Errno error = UserMemory.CopyOut(buffer, &count, sizeof(ulong));
        return error != 0 ? error : SyscallResult.Ok(sizeof(ulong));
    }

    /// <summary>
    /// write(irq, count): acknowledges the interrupts up to <c>count</c> and unmasks the line, when <c>count</c> is the
    /// current one (8 bytes taken); a stale count (another interrupt came since) takes 0 bytes and leaves it masked.
    /// </summary>
    public static SyscallResult Acknowledge(Process process, KernelFile file, ulong buffer, ulong length)
    {
        if (length < sizeof(ulong)) return Errno.EINVAL;
        ulong count;
        Errno error = UserMemory.CopyIn(&count, buffer, sizeof(ulong));
        if (error != 0) return error;
        int line = (int)file.HandleId;
        using InterruptGuard guard = InterruptGuard.Enter();
        if (!s_lines.Acknowledge(line, count)) return SyscallResult.Ok(0);
        file.Offset = count;
        return SyscallResult.Ok(sizeof(ulong));
    }

    /// <summary>Readiness of an irq description for an event queue: EVENT_READ while the count is not acknowledged.</summary>
    internal static ulong Readiness(KernelFile file) => s_lines.Readiness((int)file.HandleId, file.Offset);

    /// <summary>The last descriptor of an irq description went: the line is masked again when nobody has it open.</summary>
    public static void Release(KernelFile file)
    {
        int line = (int)file.HandleId;
        using InterruptGuard guard = InterruptGuard.Enter();
        s_lines.Release(line);
    }

    /// <summary>IRQ <paramref name="line"/> arrived (interrupts off): count it, mask the line until acknowledged if a driver has it, wake and post.</summary>
    internal static void OnInterrupt(int line)
    {
        if (s_lines.Raise(line))
        {
            KernelThread? reader = s_readers[line];
            s_readers[line] = null;
            if (reader is not null) Threads.Wake(reader);
            EventQueues.PostIrq(line);
        }
        InterruptController.EndOfInterrupt(line);
    }

    /// <summary>The 8259 pair behind <see cref="IrqLineTable{TMask}"/>.</summary>
    private struct ControllerMask : IInterruptMask
    {
        public void Mask(int line) => InterruptController.Mask(line);

        public void Unmask(int line) => InterruptController.Unmask(line);
    }
}
