using Redox.Syscall;

namespace Redox.Drivers.Lpc.Acpi;

/// <summary>
/// Physical memory read through Redox's <c>memory:physical</c> scheme: each page is mapped read-only with <c>fmap</c>
/// (the physical address as the map's offset) when first touched, and the last one stays mapped for the next read.
/// The kernel maps only pages inside the driver's manifest grants (<c>memory=</c>) that are not RAM it manages; any
/// other page is refused (EACCES) and the read is false, with the errno in <see cref="LastError"/>.
/// </summary>
public struct SchemePhysicalMemory : IPhysicalMemory
{
    private const ulong PageSize = 0x1000;

    private nuint _fd;
    private ulong _page;     // the physical page mapped now (valid when _mapped != 0)
    private nuint _mapped;   // where it is mapped

    /// <summary>Opens <c>memory:physical</c>; the value is an error when the kernel has no such scheme.</summary>
    public static SyscallResult Open(out SchemePhysicalMemory memory)
    {
        memory = default;
        SyscallResult fd = Sys.Open("memory:physical"u8, OpenFlags.ReadOnly);
        if (fd.IsOk) memory._fd = (nuint)fd.Value;
        return fd;
    }

    /// <summary>The errno of the last refused map (0 when none was refused).</summary>
    public Errno LastError { get; private set; }

    /// <summary>The physical address of the last refused page.</summary>
    public ulong LastRefused { get; private set; }

    /// <inheritdoc />
    public unsafe bool TryRead(ulong address, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            ulong at = address + (ulong)done;
            ulong page = at & ~(PageSize - 1);
            if (_mapped == 0 || _page != page)
            {
                Unmap();
                SyscallResult mapped = Sys.Fmap(_fd, new Map { Offset = page, Size = PageSize, Flags = (ulong)MapFlags.ProtRead, Address = 0 });
                if (mapped.IsError)
                {
                    LastError = mapped.Error;
                    LastRefused = page;
                    return false;
                }
                _mapped = (nuint)mapped.Value;
                _page = page;
            }
            int offset = (int)(at - page);
            int n = destination.Length - done < (int)PageSize - offset ? destination.Length - done : (int)PageSize - offset;
            new ReadOnlySpan<byte>((void*)(_mapped + (nuint)offset), n).CopyTo(destination.Slice(done, n));
            done += n;
        }
        return true;
    }

    /// <summary>Unmaps the page held and closes the descriptor.</summary>
    public void Close()
    {
        Unmap();
        if (_fd != 0) Sys.Close(_fd);
        _fd = 0;
    }

    private void Unmap()
    {
        if (_mapped != 0) Sys.Funmap(_mapped, (nuint)PageSize);
        _mapped = 0;
    }
}
