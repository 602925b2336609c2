using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Schemes;

namespace Redox.Kernel.Processes;

/// <summary>
/// Starting the image's programs: finds the initfs among the boot modules, reads its manifest (<c>etc/init</c>) and
/// starts each program listed, in order, as a ring-3 process whose parent is the kernel. Each start or refusal is
/// one log line; a bad program never stops the others.
/// </summary>
public static unsafe class InitProcesses
{
    /// <summary>Processes started from the manifest.</summary>
    public static int Started { get; private set; }

    /// <summary>Installs the initfs (the first valid archive among the modules) and starts its programs.</summary>
    public static void Start(in Multiboot2Info info)
    {
        for (int i = 0; info.TryGetModule(i, out ulong start, out ulong end, out _); i++)
        {
            if (InitfsScheme.Install((byte*)(KernelPaging.PhysicalWindow + start), end - start)) break;
        }
        if (!InitfsScheme.IsPresent) return;
        Initfs archive = InitfsScheme.Archive;
        int manifest = archive.Find(Initfs.ManifestName);
        if (manifest < 0)
        {
            KernelLog.WriteLine("init: the initfs has no etc/init manifest; nothing started");
            return;
        }
        ReadOnlySpan<byte> text = archive.Data(manifest);
        int position = 0;
        while (InitManifest.TryNext(text, ref position, out ReadOnlySpan<byte> path, out ReadOnlySpan<byte> line))
        {
            ReadOnlySpan<byte> name = InitManifest.Option(line, "name"u8, path);
            int index = archive.Find(path);
            KernelLog.Write("init: ");
            KernelLog.Write(name);
            if (index < 0)
            {
                KernelLog.WriteLine(": not in the initfs");
                continue;
            }
            // A driver (it names the scheme it serves) runs until the kernel stops it; restart=N restarts it N times at most.
            ReadOnlySpan<byte> scheme = InitManifest.Option(line, "scheme"u8, default);
            bool daemon = !scheme.IsEmpty;
            int restarts = InitManifest.Number(InitManifest.Option(line, "restart"u8, default), 0);
            if (!ProcessGrants.TryCreate(scheme, InitManifest.Option(line, "ports"u8, default), InitManifest.Option(line, "irqs"u8, default), out ProcessGrants grants)
                || !grants.TryAddPhysical(InitManifest.Option(line, "memory"u8, default), InitManifest.Option(line, "dma"u8, default)))
            {
                KernelLog.WriteLine(": not started (its ports=, irqs=, memory= or dma= grant is malformed)");
                continue;
            }
            int id = Services.Start(name, archive.Data(index), InitManifest.Arguments(line), restarts, daemon, grants);
            if (id < 0) KernelLog.WriteLine(": not started (not a valid x86-64 static ELF executable, or out of memory)");
            else
            {
                KernelLog.Write(" started as process ");
                KernelLog.WriteDecimal((ulong)id);
                KernelLog.WriteLine();
                Started++;
                if (!daemon) s_programs++;
            }
        }
    }

    private static int s_programs;

    /// <summary>
    /// Waits for and reaps every process the kernel started; returns how many failed (ended other than with code 0, unless
    /// the kernel restarted or stopped them). Once every program that is not a driver has ended, the drivers are stopped.
    /// </summary>
    public static int WaitForAll()
    {
        int failures = 0;
        bool stopped = false;
        while (true)
        {
            if (!stopped && s_programs > 0 && Services.OnlyDaemonsLeft())
            {
                Services.StopDaemons();
                stopped = true;
            }
            int id = ProcessTable.Wait(ProcessTable.KernelId, -1, noHang: false, out int status);
            if (id <= 0) return failures;
            if (status != 0 && !Services.EndIsExpected(id)) failures++;
        }
    }
}
