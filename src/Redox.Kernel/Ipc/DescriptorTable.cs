namespace Redox.Kernel.Ipc;

/// <summary>
/// A process's file descriptors: small integers naming open descriptions, the lowest free number first (POSIX), at
/// most <see cref="Capacity"/>. Shared by both kernels, like <see cref="SchemeCallTable{TWaiter}"/>: the real one holds
/// its <c>KernelFile</c>s here, Redox.Testing its <c>FileDescription</c>s. Fixed capacity, so installing allocates
/// nothing; the caller holds its lock.
/// </summary>
/// <typeparam name="TFile">The kernel's open description.</typeparam>
public class DescriptorTable<TFile> where TFile : class, IOpenDescription
{
    private readonly TFile?[] _files;

    /// <summary>A table of <paramref name="capacity"/> descriptors.</summary>
    public DescriptorTable(int capacity)
    {
        _files = new TFile?[capacity < 1 ? 1 : capacity];
    }

    /// <summary>Descriptors a process can hold (EMFILE past it).</summary>
    public int Capacity => _files.Length;

    /// <summary>Descriptors in use.</summary>
    public int Count { get; private set; }

    /// <summary>Installs <paramref name="file"/> at the lowest free descriptor; -1 when full (EMFILE). The reference it holds is the caller's to count.</summary>
    public int Add(TFile file)
    {
        for (int fd = 0; fd < _files.Length; fd++)
        {
            if (_files[fd] is not null) continue;
            _files[fd] = file;
            Count++;
            return fd;
        }
        return -1;
    }

    /// <summary>The description behind <paramref name="fd"/>, or null (EBADF).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public TFile? Get(ulong fd)
    {
        TFile?[] files = _files;      // one load of the field, so the compiler drops the array's own bounds check
        return fd < (ulong)files.Length ? files[(int)fd] : null;
    }

    /// <summary>
    /// Closes <paramref name="fd"/> and drops its reference; false when it was not open. <paramref name="released"/> is the
    /// description when that was its last reference (the caller then lets go of it), else null.
    /// </summary>
    public bool Remove(ulong fd, out TFile? released)
    {
        released = null;
        TFile? file = Get(fd);
        if (file is null) return false;
        _files[(int)fd] = null;
        Count--;
        file.References--;
        if (file.References == 0) released = file;
        return true;
    }

    /// <summary>Closes every descriptor (process exit), handing each description whose last reference went to <paramref name="release"/>.</summary>
    public unsafe void CloseAll(delegate*<TFile, void> release)
    {
        for (int fd = 0; fd < _files.Length; fd++)
        {
            if (Remove((ulong)fd, out TFile? file) && file is not null) release(file);
        }
    }

    /// <summary>The array behind the table (so a kernel without a collector can free it with the process).</summary>
    internal object Storage => _files;
}
