using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// The metadata of a standard file-system call (Redox <c>data::StdFsCallMeta</c>, <c>repr(C, packed)</c>,
/// 24 bytes): <c>SYS_CALL</c> with <see cref="CallFlags.StdFs"/> passes it as three metadata words, and the
/// kernel forwards those words inline in <c>args[3..6]</c> of an <see cref="Opcode.StdFsCall"/> request.
/// It replaced the separate fchmod, getdents, fstatvfs, ftruncate and futimens calls.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public unsafe struct StdFsCallMeta
{
    /// <summary><c>kind</c>: a <see cref="StdFsCallKind"/>.</summary>
    public StdFsCallKind Kind;

    /// <summary><c>_rsvd</c>: reserved, zero.</summary>
    public fixed byte Reserved[7];

    /// <summary><c>arg1</c>: first argument of the kind (e.g. the mode of Fchmod, the length of Ftruncate).</summary>
    public ulong Arg1;

    /// <summary><c>arg2</c>: second argument of the kind (e.g. the gid of Fchown).</summary>
    public ulong Arg2;
}
