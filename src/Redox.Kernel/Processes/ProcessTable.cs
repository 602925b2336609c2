using Redox.Kernel.Arch;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Processes;

/// <summary>
/// Every process: creation from an ELF image, exit, kill, waiting and reaping. A process is alive until its thread
/// exits (or is killed or faults); it is then a zombie holding only its status until its parent reaps it (waitpid;
/// the kernel's reaper thread for processes whose parent is the kernel). Reaping gives back every frame of its
/// address space and every kernel object it had: there is no GC, so nothing may be left to one.
/// </summary>
public static unsafe class ProcessTable
{
    /// <summary>Processes (alive or zombie) at once.</summary>
    public const int Capacity = 64;

    /// <summary>The parent id of processes the kernel itself started.</summary>
    public const int KernelId = 0;

    private static readonly ProcessTree<Process> s_tree = new ProcessTree<Process>(Capacity);
    private static int s_nextId = 1;
    private static KernelThread? s_kernelWaiter;

    /// <summary>Processes alive or zombie.</summary>
    public static int Count => s_tree.Count;

    /// <summary>Processes started so far.</summary>
    public static ulong Started { get; private set; }

    /// <summary>The process with id <paramref name="id"/>, or null.</summary>
    public static Process? Find(int id) => s_tree.Find(id);

    /// <summary>The process the running thread belongs to (null for kernel threads).</summary>
    public static Process? Current => Threads.CurrentProcess;

    /// <summary>
    /// Starts <paramref name="image"/> as a new process named <paramref name="name"/> with the space-separated
    /// <paramref name="arguments"/> (argv[0] is the name): validates the ELF, builds its address space, maps its
    /// segments and stack, opens descriptors 0-2 on <c>debug:</c>, and makes its thread runnable. Nothing is left
    /// behind on failure.
    /// </summary>
    public static StartError Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> image, ReadOnlySpan<byte> arguments, int parentId, out Process? started)
        => Start(name, image, arguments, parentId, default, out started);

    /// <summary>Starts a process with what its manifest grants (ports, its scheme), in force before its first instruction.</summary>
    public static unsafe StartError Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> image, ReadOnlySpan<byte> arguments, int parentId, in ProcessGrants grants, out Process? started)
    {
        started = null;
        AddressSpace? kernel = KernelPaging.KernelSpace;
        FrameAllocator? frames = PhysicalMemory.Frames;
        if (kernel is null || frames is null) return StartError.NoMemory;
        ElfError elfError = ElfImage.TryParse(image, UserLayout.Start, UserLayout.End, out ElfImage elf);
        if (elfError != ElfError.None) return StartError.BadExecutable;

        bool room;
        using (InterruptGuard.Enter()) room = s_tree.HasRoom;
        if (!room) return StartError.TableFull;                           // fail early, before building anything

        // With page-table isolation also the user view ring 3 runs on (null template: none).
        AddressSpace space = AddressSpace.CreateSharing(kernel, KernelPaging.FirstKernelSlot, KernelPaging.UserTemplate);
        if (space.Root == 0)
        {
            Heap.Free(space);
            return StartError.NoMemory;
        }
        ulong stack = ElfLoader.LoadSegments(space, frames, elf) ? ElfLoader.MapStack(space, frames, name, arguments) : 0;
        if (stack == 0)
        {
            space.ReleasePrivateHalf(KernelPaging.FirstKernelSlot);
            Heap.Free(space);
            return StartError.NoMemory;
        }

        byte[] nameCopy = name.ToArray();
        Process? process = null;
        using (InterruptGuard.Enter())
        {
            // The slot is taken under the same guard that checks it: another Start in between cannot get it too.
            if (s_tree.HasRoom)
            {
                process = new Process(s_nextId++, parentId, nameCopy, space);
                process.Ports = grants.Ports;
                process.IrqGrants = grants.Irqs;
                process.Physical = grants.Physical;
                process.SchemeGrantText = grants.Scheme;
                process.SchemeGrantLength = grants.SchemeLength;
                s_tree.TryAdd(process);
                Started++;
            }
        }
        if (process is null)
        {
            Heap.Free(nameCopy);
            space.ReleasePrivateHalf(KernelPaging.FirstKernelSlot);
            Heap.Free(space);
            return StartError.TableFull;
        }
        for (int fd = 0; fd < 3; fd++)
            process.Files.Add(new KernelFile(KernelFileKind.Debug, (uint)(fd == 0 ? OpenFlags.ReadOnly : OpenFlags.WriteOnly), null, 0, null, 0));
        process.Thread = Threads.SpawnUser(process, elf.Entry, stack);
        started = process;
        return StartError.None;
    }

    /// <summary>
    /// Ends the calling thread's process with wait status <paramref name="status"/>: it becomes a zombie, its descriptors close,
    /// its parent is told; then the thread exits. Never returns.
    /// </summary>
    public static void ExitCurrent(int status)
    {
        Process? process = Current;
        if (process is null)
        {
            Threads.Exit();
            return;
        }
        MakeZombie(process, status);
        Threads.Exit();
    }

    /// <summary>
    /// The CPU raised an exception in ring 3: report it in one line and end the process. Called from the interrupt
    /// path with the faulting thread current; the caller switches away.
    /// </summary>
    public static void Fault(Process process, ulong vector, ulong rip, ulong cr2, ulong errorCode)
    {
        KernelLog.Write("process ");
        KernelLog.WriteDecimal((ulong)process.Id);
        KernelLog.Write(" (");
        KernelLog.Write(process.Name);
        KernelLog.Write(") killed: ");
        KernelLog.Write(ExceptionVectors.Name(vector));
        KernelLog.Write(" at RIP=");
        KernelLog.WriteHex(rip);
        if (vector == ExceptionVectors.PageFault)
        {
            KernelLog.Write(" CR2=");
            KernelLog.WriteHex(cr2);
            if (UserLayout.IsStackGuard(cr2)) KernelLog.Write(" (stack overflow)");
            else if (cr2 >= UserLayout.End) KernelLog.Write(" (kernel address)");
        }
        KernelLog.Write(" error=");
        KernelLog.WriteHex(errorCode, 4);
        KernelLog.WriteLine();
        MakeZombie(process, Process.SignaledStatus(Process.FaultSignal));
    }

    /// <summary>
    /// Ends process <paramref name="id"/> by <paramref name="signal"/> the next time its thread runs (at
    /// once if it is waiting in the kernel); false when there is no such live process.
    /// </summary>
    public static bool Kill(int id, int signal)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        Process? process = Find(id);
        if (process is null || process.State != ProcessState.Alive || process.KillPending) return false;
        process.KillPending = true;
        process.PendingStatus = Process.SignaledStatus(signal);
        KernelThread? thread = process.Thread;
        if (thread is not null && thread != Threads.Current) Threads.Interrupt(thread, &DieOfKill);
        return true;
    }

    /// <summary>Where a killed thread resumes, in ring 0 on its own kernel stack.</summary>
    private static void DieOfKill(nint unused)
    {
        Process? process = Current;
        ExitCurrent(process is null ? 0 : process.PendingStatus);
    }

    /// <summary>
    /// waitpid: waits until a child of <paramref name="parentId"/> (any when <paramref name="childId"/> is -1 or 0,
    /// else that one) is a zombie, reaps it and returns its id with its status. -1 when there is no such child;
    /// with <paramref name="noHang"/> 0 when none has ended yet.
    /// </summary>
    public static int Wait(int parentId, int childId, bool noHang, out int status)
    {
        status = 0;
        while (true)
        {
            Process? zombie;
            WaitFinding found;
            using (InterruptGuard.Enter())
            {
                found = s_tree.FindEndedChild(parentId, childId, out zombie);
                if (found == WaitFinding.Running && !noHang)
                {
                    Process? parent = Find(parentId);
                    if (parent is not null && parent.KillPending) return -1;
                    if (parent is not null) parent.ChildWaiter = Threads.Current;
                    else s_kernelWaiter = Threads.Current;
                    Threads.Block();
                    continue;
                }
            }
            if (zombie is null) return found == WaitFinding.Running ? 0 : -1;
            status = zombie.ExitStatus;
            int id = zombie.Id;
            Reap(zombie);
            return id;
        }
    }

    /// <summary>Frees a zombie's address space and kernel objects; its id is gone afterwards.</summary>
    private static void Reap(Process process)
    {
        // The scheduler clears Thread once the dead thread is off the CPU for good (its stack is then reclaimed).
        while (process.Thread is not null) Threads.Yield();
        using (InterruptGuard.Enter()) s_tree.Remove(process);
        ThreadContext.ForgetSpace(process.Space.Root);
        process.Space.ReleasePrivateHalf(KernelPaging.FirstKernelSlot);
        Heap.Free(process.Space);
        Heap.Free(process.Files.Storage);
        Heap.Free(process.Files);
        Heap.Free(process.NameStorage);
        Heap.Free(process);
    }

    private static void MakeZombie(Process process, int status)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        if (!s_tree.End(process, status)) return;           // zombie now; its children are the kernel's
        KernelLog.Write("process ");
        KernelLog.WriteDecimal((ulong)process.Id);
        KernelLog.Write(" (");
        KernelLog.Write(process.Name);
        if ((status & 0x7F) == 0)
        {
            KernelLog.Write(") exited with code ");
            KernelLog.WriteDecimal((ulong)((status >> 8) & 0xFF));
        }
        else
        {
            KernelLog.Write(") ended by signal ");
            KernelLog.WriteDecimal((ulong)(status & 0x7F));
        }
        KernelLog.WriteLine();
        process.Files.CloseAll(&ReleaseFile);
        Services.OnEnded(process, status);
        Process? parent = Find(process.ParentId);
        KernelThread? waiter = parent is not null ? parent.ChildWaiter : s_kernelWaiter;
        if (waiter is not null) Threads.Wake(waiter);
        if (parent is not null) parent.ChildWaiter = null;
        else s_kernelWaiter = null;
    }

    private static void ReleaseFile(KernelFile file) => KernelFiles.Release(file);
}
