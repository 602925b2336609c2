using Redox.Kernel.Boot;
using Redox.Kernel.Processes;

namespace Redox.Kernel.Schemes;

/// <summary>
/// <c>initfs:</c>: the boot archive's files, read-only. The archive stays where GRUB loaded it (its frames are
/// reserved), reached through the physical window; files are handed out as pointers into it.
/// </summary>
public static unsafe class InitfsScheme
{
    private static byte* s_module;
    private static int s_length;

    /// <summary>True once a valid archive was found among the boot modules.</summary>
    public static bool IsPresent => s_module != null;

    /// <summary>The archive.</summary>
    public static Initfs Archive
    {
        get
        {
            Initfs.TryParse(new ReadOnlySpan<byte>(s_module, s_length), out Initfs initfs);
            return initfs;
        }
    }

    /// <summary>Adopts the module at <paramref name="module"/> if it is a valid archive.</summary>
    public static bool Install(byte* module, ulong length)
    {
        if (length > int.MaxValue || !Initfs.TryParse(new ReadOnlySpan<byte>(module, (int)length), out _)) return false;
        s_module = module;
        s_length = (int)length;
        return true;
    }

    /// <summary>Opens a file by its archive path; null when there is none.</summary>
    public static KernelFile? Open(ReadOnlySpan<byte> path, uint flags)
    {
        if (!IsPresent) return null;
        Initfs archive = Archive;
        int index = archive.Find(path);
        if (index < 0) return null;
        ReadOnlySpan<byte> name = archive.Name(index);
        ReadOnlySpan<byte> data = archive.Data(index);
        fixed (byte* n = name) fixed (byte* d = data)
            return new KernelFile(KernelFileKind.Initfs, flags, d, (ulong)data.Length, n, name.Length);
    }
}
