using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>File-system statistics (Redox <c>data::StatVfs</c>, <c>repr(C)</c>, 32 bytes), filled by fstatvfs.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct StatVfs
{
    /// <summary><c>f_bsize</c>: block size.</summary>
    public uint BlockSize;
    /// <summary><c>f_blocks</c>: total blocks.</summary>
    public ulong Blocks;
    /// <summary><c>f_bfree</c>: free blocks.</summary>
    public ulong BlocksFree;
    /// <summary><c>f_bavail</c>: blocks available to unprivileged users.</summary>
    public ulong BlocksAvailable;
}
