using Redox.Scheme;
using Redox.Syscall;

namespace Samples.Drivers.RamDisk;

/// <summary>Start-up and loop of the RAM disk driver process.</summary>
public static class RamDiskDriver
{
    /// <summary>Builds the disk (<paramref name="blocks"/> blocks of 512 bytes) and its scheme.</summary>
    public static RamDiskScheme CreateScheme(int blocks) => new(new RamDiskController(blocks));

    /// <summary>
    /// The driver's main: create <c>ramdisk:</c>, serve it until the scheme is removed. The value is the
    /// number of requests served; an error if the scheme could not be created.
    /// </summary>
    public static SyscallResult Run(int blocks)
    {
        RamDiskScheme scheme = CreateScheme(blocks);            // allocate everything up front
        SyscallResult socket = SchemeServer.CreateSocket(":ramdisk"u8); // register the scheme
        if (socket.IsError)
        {
            return socket;
        }
        return new SchemeServer(scheme, (nuint)socket.Value).Run(); // serve requests until removed
    }
}
