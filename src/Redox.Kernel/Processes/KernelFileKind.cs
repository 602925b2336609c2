namespace Redox.Kernel.Processes;

/// <summary>What a descriptor names: a kernel scheme's file, or a user scheme's socket or handle.</summary>
public enum KernelFileKind
{
    /// <summary><c>debug:</c>: writes go to the kernel log; reads answer end of file.</summary>
    Debug,
    /// <summary><c>initfs:</c>: a read-only file of the boot archive.</summary>
    Initfs,
    /// <summary>The socket of a scheme this process serves (<c>open(":name", O_CREAT)</c>): read requests, write answers.</summary>
    SchemeSocket,
    /// <summary>A handle of a user scheme: every call on it goes to that scheme's driver.</summary>
    SchemeHandle,
    /// <summary>An <c>event:</c> queue: write subscribes descriptors, read waits for their readiness.</summary>
    EventQueue,
    /// <summary>An <c>irq:N</c> line: read the interrupt count, write it back to acknowledge (the line is masked until then).</summary>
    Irq,
    /// <summary>A <c>memory:</c> handle: physical device memory, contiguous DMA memory, or address translation.</summary>
    Memory,
    /// <summary>A <c>time:N</c> clock: read its time, write deadlines that make it readable for event queues.</summary>
    Time,
}
