using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>File status (Redox <c>data::Stat</c>, <c>repr(C)</c>, 104 bytes), filled by a scheme's fstat.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Stat
{
    /// <summary><c>st_dev</c>: device id.</summary>
    public ulong Dev;
    /// <summary><c>st_ino</c>: inode number.</summary>
    public ulong Ino;
    /// <summary><c>st_mode</c>: type and permission bits (<see cref="ModeFlags"/>).</summary>
    public ushort Mode;
    /// <summary><c>st_nlink</c>: link count.</summary>
    public uint Nlink;
    /// <summary><c>st_uid</c>: owner.</summary>
    public uint Uid;
    /// <summary><c>st_gid</c>: group.</summary>
    public uint Gid;
    /// <summary><c>st_size</c>: size in bytes.</summary>
    public ulong Size;
    /// <summary><c>st_blksize</c>: preferred block size.</summary>
    public uint BlkSize;
    /// <summary><c>st_blocks</c>: blocks allocated.</summary>
    public ulong Blocks;
    /// <summary><c>st_mtime</c>: modification time, seconds.</summary>
    public ulong Mtime;
    /// <summary><c>st_mtime_nsec</c>: modification time, nanoseconds.</summary>
    public uint MtimeNsec;
    /// <summary><c>st_atime</c>: access time, seconds.</summary>
    public ulong Atime;
    /// <summary><c>st_atime_nsec</c>: access time, nanoseconds.</summary>
    public uint AtimeNsec;
    /// <summary><c>st_ctime</c>: status change time, seconds.</summary>
    public ulong Ctime;
    /// <summary><c>st_ctime_nsec</c>: status change time, nanoseconds.</summary>
    public uint CtimeNsec;
}
