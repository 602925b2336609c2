namespace Redox.Kernel.Processes;

/// <summary>
/// A process's file descriptors: small integers naming open descriptions, lowest free number first (POSIX).
/// Fixed capacity, so opening allocates only the description.
/// </summary>
public sealed class DescriptorTable
{
    /// <summary>Descriptors per process.</summary>
    public const int Capacity = 64;

    private readonly KernelFile?[] _files = new KernelFile?[Capacity];

    /// <summary>Descriptors in use.</summary>
    public int Count { get; private set; }

    /// <summary>Installs <paramref name="file"/> at the lowest free descriptor; -1 when full (EMFILE).</summary>
    public int Add(KernelFile file)
    {
        for (int fd = 0; fd < Capacity; fd++)
        {
            if (_files[fd] is not null) continue;
            _files[fd] = file;
            Count++;
            return fd;
        }
        return -1;
    }

    /// <summary>The description behind <paramref name="fd"/>, or null (EBADF).</summary>
    public KernelFile? Get(ulong fd) => fd < Capacity ? _files[(int)fd] : null;

    /// <summary>Closes <paramref name="fd"/>; false when it was not open. Returns the description when its last reference went.</summary>
    public bool Remove(ulong fd, out KernelFile? released)
    {
        released = null;
        KernelFile? file = Get(fd);
        if (file is null) return false;
        _files[(int)fd] = null;
        Count--;
        if (--file.References == 0) released = file;
        return true;
    }

    /// <summary>Closes every descriptor (process exit), handing each description whose last reference went to <paramref name="release"/>.</summary>
    public unsafe void CloseAll(delegate*<KernelFile, void> release)
    {
        for (int fd = 0; fd < Capacity; fd++)
        {
            if (Remove((ulong)fd, out KernelFile? file) && file is not null) release(file);
        }
    }

    /// <summary>The array behind the table (so the kernel can free it with the process: there is no GC).</summary>
    internal KernelFile?[] Storage => _files;
}
