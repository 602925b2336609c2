using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// The header of one getdents record (Redox <c>dirent::DirentHeader</c>, <c>repr(C, packed)</c>, 19 bytes),
/// followed by the name bytes and a NUL; <see cref="RecordLength"/> covers header, name and NUL.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct DirentHeader
{
    /// <summary><c>inode</c>.</summary>
    public ulong Inode;
    /// <summary><c>next_opaque_id</c>: pass as the opaque offset to continue after this entry.</summary>
    public ulong NextOpaqueId;
    /// <summary><c>record_len</c>: bytes of this record.</summary>
    public ushort RecordLength;
    /// <summary><c>kind</c>: <see cref="DirentKind"/>.</summary>
    public DirentKind Kind;
}
