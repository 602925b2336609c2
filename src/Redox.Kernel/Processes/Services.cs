using Redox.Kernel.Arch;
using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Scheduling;
using Redox.Kernel.Schemes;

namespace Redox.Kernel.Processes;

/// <summary>
/// The programs the kernel keeps running: each is an initfs executable with its arguments and a restart budget (the
/// manifest's <c>restart=N</c>). One that ends other than by exit code 0 or by the kernel stopping it is started again
/// by the supervisor thread, at most N times, each restart logged; its scheme is gone meanwhile (clients get EIO on old
/// handles and ENODEV on new opens) and comes back when the new process creates it.
/// </summary>
public static unsafe class Services
{
    /// <summary>Services the kernel can keep.</summary>
    public const int Capacity = 16;

    private struct Service
    {
        public byte* Name;
        public int NameLength;
        public byte* Image;
        public int ImageLength;
        public byte* Arguments;
        public int ArgumentsLength;
        public int RestartLimit;
        public int Restarts;
        public int Id;             // the process serving now (0: none)
        public bool Daemon;        // serves until stopped: stopped by the kernel when the image's other programs are done
        public bool NeedsRestart;
        public bool Stopping;
        public ProcessGrants Grants;
    }

    private static readonly Service[] s_services = new Service[Capacity];
    private static KernelThread? s_supervisor;
    private static int s_count;

    /// <summary>Restarts done so far (all services).</summary>
    public static int RestartCount { get; private set; }

    /// <summary>
    /// Starts <paramref name="image"/> as a service named <paramref name="name"/>; the spans must outlive the kernel (the
    /// initfs, or static data). The value is the process id, or -1 when it could not start or the table is full.
    /// </summary>
    public static int Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> image, ReadOnlySpan<byte> arguments, int restartLimit, bool daemon)
        => Start(name, image, arguments, restartLimit, daemon, default);

    /// <summary>As the other overload, with what the service's manifest grants it (every restart gets the same).</summary>
    public static int Start(ReadOnlySpan<byte> name, ReadOnlySpan<byte> image, ReadOnlySpan<byte> arguments, int restartLimit, bool daemon, in ProcessGrants grants)
    {
        int slot;
        using (InterruptGuard.Enter())
        {
            if (s_count == Capacity) return -1;
            slot = s_count++;
            fixed (byte* n = name) fixed (byte* i = image) fixed (byte* a = arguments)
            {
                s_services[slot] = new Service
                {
                    Name = n, NameLength = name.Length, Image = i, ImageLength = image.Length, Arguments = a,
                    ArgumentsLength = arguments.Length, RestartLimit = restartLimit < 0 ? 0 : restartLimit, Daemon = daemon, Grants = grants,
                };
            }
        }
        if (restartLimit > 0 && s_supervisor is null) s_supervisor = Threads.Spawn("supervisor", &Supervise, 0);
        return Launch(slot);
    }

    /// <summary>
    /// True when the end of process <paramref name="id"/> was handled here -- a service the kernel restarted, or a daemon it
    /// stopped -- so whoever reaps it does not count it a failure.
    /// </summary>
    public static bool EndIsExpected(int id)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        int n = s_handledCount < s_handled.Length ? s_handledCount : s_handled.Length;
        for (int i = 0; i < n; i++)
        {
            if (s_handled[i] == id) return true;
        }
        return false;
    }

    /// <summary>
    /// Called as <paramref name="process"/> becomes a zombie (interrupts off): a service that ended other than cleanly,
    /// with budget left, is marked for the supervisor to restart.
    /// </summary>
    internal static void OnEnded(Process process, int status)
    {
        for (int i = 0; i < s_count; i++)
        {
            ref Service s = ref s_services[i];
            if (s.Id != process.Id) continue;
            s.Id = 0;
            if (s.Stopping)
            {
                Handled(process.Id);
                return;
            }
            if (status == 0) return;
            if (s.Restarts >= s.RestartLimit)
            {
                if (s.RestartLimit > 0) Log(ref s, status, "; no restarts left");
                return;
            }
            Handled(process.Id);
            s.NeedsRestart = true;
            if (s_supervisor is not null) Threads.Wake(s_supervisor);
            return;
        }
    }

    /// <summary>True while some service that is not a daemon is still running.</summary>
    public static bool OnlyDaemonsLeft()
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        for (int i = 0; i < s_count; i++)
        {
            Process? p = ProcessTable.Find(s_services[i].Id);
            if (s_services[i].NeedsRestart && !s_services[i].Daemon) return false;
            if (p is not null && p.State == ProcessState.Alive && !s_services[i].Daemon) return false;
        }
        return true;
    }

    /// <summary>Stops every daemon (SIGTERM-like: a kill by 15) once the image's other programs are done.</summary>
    public static void StopDaemons()
    {
        for (int i = 0; i < s_count; i++)
        {
            ref Service s = ref s_services[i];
            if (!s.Daemon || s.Id == 0) continue;
            using (InterruptGuard.Enter()) s.Stopping = true;
            ProcessTable.Kill(s.Id, 15);
        }
    }

    private static int Launch(int slot)
    {
        ref Service s = ref s_services[slot];
        StartError error = ProcessTable.Start(new ReadOnlySpan<byte>(s.Name, s.NameLength), new ReadOnlySpan<byte>(s.Image, s.ImageLength),
            new ReadOnlySpan<byte>(s.Arguments, s.ArgumentsLength), ProcessTable.KernelId, s.Grants, out Process? process);
        if (process is null)
        {
            KernelLog.Write("init: ");
            KernelLog.Write(new ReadOnlySpan<byte>(s.Name, s.NameLength));
            KernelLog.WriteLine(": could not be started");
            s.Id = 0;
            return -1;
        }
        s.Id = process.Id;
        return process.Id;
    }

    /// <summary>The supervisor thread: restarts each service marked by <see cref="OnEnded"/>.</summary>
    private static void Supervise(nint unused)
    {
        while (true)
        {
            int slot = -1;
            using (InterruptGuard.Enter())
            {
                for (int i = 0; i < s_count && slot < 0; i++)
                {
                    if (s_services[i].NeedsRestart) slot = i;
                }
                if (slot < 0)
                {
                    Threads.Block();
                    continue;
                }
                s_services[slot].NeedsRestart = false;
                s_services[slot].Restarts++;
                RestartCount++;
            }
            ref Service s = ref s_services[slot];
            KernelLog.Write("init: restarting ");
            KernelLog.Write(new ReadOnlySpan<byte>(s.Name, s.NameLength));
            KernelLog.Write(" (");
            KernelLog.WriteDecimal((ulong)s.Restarts);
            KernelLog.Write(" of ");
            KernelLog.WriteDecimal((ulong)s.RestartLimit);
            KernelLog.Write(") as process ");
            int id = Launch(slot);
            KernelLog.WriteDecimal(id < 0 ? 0 : (ulong)id);
            KernelLog.WriteLine();
        }
    }

    private static void Log(ref Service s, int status, string tail)
    {
        KernelLog.Write("init: ");
        KernelLog.Write(new ReadOnlySpan<byte>(s.Name, s.NameLength));
        KernelLog.Write(" ended (status ");
        KernelLog.WriteHex((ulong)status, 4);
        KernelLog.Write(")");
        KernelLog.WriteLine(tail);
    }

    // Ids whose end was handled here (restarted or stopped), remembered until the reaper asks; a ring of the latest.
    private static readonly int[] s_handled = new int[64];
    private static int s_handledCount;

    private static void Handled(int id) => s_handled[s_handledCount++ % s_handled.Length] = id;
}
