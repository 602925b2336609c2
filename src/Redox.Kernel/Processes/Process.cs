using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Processes;

/// <summary>
/// A ring-3 process: its own lower-half address space, one thread, its open descriptors, and what its parent
/// learns when it ends. The kernel keeps process management itself (Redox has since moved it to user space).
/// </summary>
public sealed class Process : IProcessRecord
{
    /// <summary>The signal a process killed for a CPU exception is reported with (SIGSEGV).</summary>
    public const int FaultSignal = 11;

    /// <summary>The wait status (POSIX encoding, as waitpid reports it) of a process that called exit(<paramref name="code"/>).</summary>
    public static int ExitedStatus(int code) => (code & 0xFF) << 8;

    /// <summary>The wait status of a process ended by <paramref name="signal"/> (kill, or a fault as SIGSEGV).</summary>
    public static int SignaledStatus(int signal) => signal & 0x7F;

    internal Process(int id, int parentId, byte[] name, AddressSpace space)
    {
        Id = id;
        ParentId = parentId;
        NameStorage = name;
        Space = space;
        State = ProcessState.Alive;
        AnonymousNext = UserLayout.AnonymousBase;
    }

    /// <summary>The process id (1, 2, ...; 0 is the kernel).</summary>
    public int Id { get; }

    /// <summary>Who is told when it ends (0: the kernel).</summary>
    public int ParentId { get; internal set; }

    /// <summary>For logs and reports (UTF-8).</summary>
    public ReadOnlySpan<byte> Name => NameStorage;

    /// <summary>The array behind <see cref="Name"/> (freed with the process: there is no GC).</summary>
    internal byte[] NameStorage { get; }

    /// <summary>The address space (its lower half is the process's own).</summary>
    public AddressSpace Space { get; }

    /// <summary>Alive or zombie.</summary>
    public ProcessState State { get; internal set; }

    /// <summary>The wait status once a zombie (POSIX encoding: exit code in bits 8-15, or the signal in bits 0-6).</summary>
    public int ExitStatus { get; internal set; }

    /// <summary>The process's thread.</summary>
    public KernelThread? Thread { get; internal set; }

    /// <summary>The open descriptors.</summary>
    public Ipc.DescriptorTable<KernelFile> Files { get; } = new Ipc.DescriptorTable<KernelFile>(DescriptorCapacity);

    /// <summary>Descriptors per process.</summary>
    public const int DescriptorCapacity = 64;

    /// <summary>Set by <c>kill</c>: the thread ends the next time it would run.</summary>
    public bool KillPending { get; internal set; }

    /// <summary>The wait status a pending kill ends the process with.</summary>
    internal int PendingStatus;

    /// <summary>Where the next anonymous mapping goes.</summary>
    internal ulong AnonymousNext;

    /// <summary>The I/O ports it may use (its manifest's grant; none by default).</summary>
    internal Arch.PortGrants Ports;

    /// <summary>The device memory it may map and the DMA memory it may allocate.</summary>
    internal PhysicalGrants Physical;

    /// <summary>DMA bytes it holds now (against <see cref="PhysicalGrants.DmaBytes"/>).</summary>
    internal ulong DmaBytesHeld;

    /// <summary>The interrupt lines it may open (bit N: <c>irq:N</c>).</summary>
    internal ushort IrqGrants;

    /// <summary>The scheme name its manifest lets it create (empty: any; a program started without a manifest line).</summary>
    internal unsafe ReadOnlySpan<byte> SchemeGrant => new ReadOnlySpan<byte>(SchemeGrantText, SchemeGrantLength);

    internal unsafe byte* SchemeGrantText;
    internal int SchemeGrantLength;

    /// <summary>A thread blocked in waitpid on this process's children.</summary>
    internal KernelThread? ChildWaiter;

    /// <summary>Where its runtime takes CPU faults (SYS_FAULT_UPCALL Register); 0: a fault ends the process.</summary>
    internal ulong FaultEntry;

    /// <summary>True from a fault's delivery to the runtime's Handled or Decline: a fault meanwhile ends the process.</summary>
    internal bool InFaultUpcall;

    /// <summary>The fault being delivered (vector, RIP, CR2, error code), for the report if the runtime declines it.</summary>
    internal ulong FaultVector, FaultRip, FaultCr2, FaultError;

    int IProcessRecord.ParentId { get => ParentId; set => ParentId = value; }

    ProcessState IProcessRecord.State { get => State; set => State = value; }

    int IProcessRecord.ExitStatus { get => ExitStatus; set => ExitStatus = value; }
}
