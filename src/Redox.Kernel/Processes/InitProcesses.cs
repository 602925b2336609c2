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
            Process? process = null;
            StartError error = index < 0 ? StartError.BadExecutable
                : ProcessTable.Start(name, archive.Data(index), InitManifest.Arguments(line), ProcessTable.KernelId, out process);
            KernelLog.Write("init: ");
            KernelLog.Write(name);
            if (index < 0) KernelLog.WriteLine(": not in the initfs");
            else if (process is null)
            {
                KernelLog.Write(": not started (");
                KernelLog.Write(StartErrorText(error));
                KernelLog.WriteLine(")");
            }
            else
            {
                KernelLog.Write(" started as process ");
                KernelLog.WriteDecimal((ulong)process.Id);
                KernelLog.WriteLine();
                Started++;
            }
        }
    }

    /// <summary>Waits for and reaps every process the kernel started; returns how many ended other than with code 0.</summary>
    public static int WaitForAll()
    {
        int failures = 0;
        while (ProcessTable.Wait(ProcessTable.KernelId, -1, noHang: false, out int status) > 0)
        {
            if (status != 0) failures++;
        }
        return failures;
    }

    private static string StartErrorText(StartError error) => error switch
    {
        StartError.BadExecutable => "not a valid x86-64 static ELF executable",
        StartError.NoMemory => "out of memory",
        StartError.TableFull => "process table full",
        _ => "unknown error",
    };
}
