namespace Redox.Kernel.Arch.X64;

/// <summary>
/// Which I/O ports ring 3 may use, through the TSS's I/O permission bitmap. RFLAGS.IOPL stays 0 for processes, so the
/// CPU consults the bitmap on every <c>in</c>/<c>out</c> from ring 3: a clear bit allows that port, a set one raises
/// #GP (the process is then killed like any faulting one). All bits are set except while a process with port grants
/// runs: its ranges are cleared when it is switched in and set again when it is switched out, so the cost of a switch
/// is proportional to the ports granted (none for most processes). Redox itself grants all ports or none (iopl).
/// </summary>
public static unsafe class IoPermissionBitmap
{
    /// <summary>Bytes of the bitmap: one bit for each of the 65536 ports.</summary>
    public const int Bytes = 65536 / 8;

    private static byte* s_bitmap;
    private static PortGrants s_openCopy;      // the grants whose ports are open now

    /// <summary>Called once by <see cref="Gdt"/> with the bitmap inside the TSS.</summary>
    internal static void Attach(byte* bitmap) => s_bitmap = bitmap;

    /// <summary>True while some process's ports are open (a switch must close them).</summary>
    public static bool AnyOpen => s_openCopy.Count != 0;

    /// <summary>True when ring 3 may use <paramref name="port"/> right now.</summary>
    public static bool IsOpen(ushort port) => s_bitmap != null && (s_bitmap[port >> 3] & (1 << (port & 7))) == 0;

    /// <summary>
    /// Makes the bitmap grant exactly <paramref name="grants"/> (a process about to run; empty for kernel threads and
    /// processes without grants). Nothing is done when the same grants are open already.
    /// </summary>
    public static void Switch(in PortGrants grants)
    {
        if (s_bitmap == null) return;
        if (grants.Count == 0 && s_openCopy.Count == 0) return;
        if (grants.Equals(s_openCopy)) return;
        Set(s_openCopy, denied: true);
        s_openCopy = grants;
        Set(grants, denied: false);
    }

    private static void Set(in PortGrants grants, bool denied)
    {
        for (int i = 0; i < grants.Count; i++)
        {
            grants.Get(i, out ushort first, out ushort last);
            for (int port = first; port <= last; port++)
            {
                byte bit = (byte)(1 << (port & 7));
                if (denied) s_bitmap[port >> 3] |= bit;
                else s_bitmap[port >> 3] &= (byte)~bit;
            }
        }
    }
}
