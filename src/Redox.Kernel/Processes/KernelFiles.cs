using Redox.Kernel.Memory;
using Redox.Kernel.Schemes;

namespace Redox.Kernel.Processes;

/// <summary>What happens when the last descriptor of a description goes (close, or its process ends).</summary>
public static class KernelFiles
{
    /// <summary>Lets go of <paramref name="file"/>: a user scheme's socket or handle tells the scheme (and no event queue watches it any more), an event queue goes; then it is freed.</summary>
    public static void Release(KernelFile file)
    {
        if (EventQueues.IsWatchable(file.Kind)) EventQueues.Forget(file);
        if (file.Kind == KernelFileKind.Irq) IrqLines.Release(file);
        if (file.Kind == KernelFileKind.Time) TimeScheme.Release(file);
        if (file.Scheme is not null) UserSchemes.Release(file);
        if (file.Events is not null) EventQueues.Release(file);
        Heap.Free(file);
    }
}
