using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// A scheme protocol v2 request (Redox <c>schemev2::Sqe</c>), kernel to scheme: 64 bytes,
/// <c>repr(C)</c>. The six arguments are opcode-specific (see <see cref="Redox.Syscall.Opcode"/>);
/// <see cref="Caller"/> is the calling context (pid) and, on calls that need credentials,
/// <see cref="Arg5"/> carries <c>uid | gid &lt;&lt; 32</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Sqe
{
    /// <summary><c>opcode</c>: the operation.</summary>
    public Opcode Opcode;

    /// <summary><c>sqe_flags</c>: <see cref="SqeFlags.OneWay"/> for messages that expect no answer.</summary>
    public SqeFlags Flags;

    /// <summary><c>_rsvd</c>: reserved (priority, upstream TODO); zero.</summary>
    public ushort Reserved;

    /// <summary><c>tag</c>: echoed in the <see cref="Cqe"/> so the kernel can match the answer.</summary>
    public uint Tag;

    /// <summary><c>args[0]</c>: usually the handle id, or the path pointer for path operations.</summary>
    public ulong Arg0;

    /// <summary><c>args[1]</c>.</summary>
    public ulong Arg1;

    /// <summary><c>args[2]</c>.</summary>
    public ulong Arg2;

    /// <summary><c>args[3]</c>.</summary>
    public ulong Arg3;

    /// <summary><c>args[4]</c>.</summary>
    public ulong Arg4;

    /// <summary><c>args[5]</c>: on credentialed calls, <c>uid</c> in the low and <c>gid</c> in the high 32 bits.</summary>
    public ulong Arg5;

    /// <summary><c>caller</c>: the calling context (process) id.</summary>
    public ulong Caller;

    /// <summary>Argument <paramref name="index"/> (0..5) by index; indexes outside that range read 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Arg(int index)
    {
        if ((uint)index > 5)
        {
            return 0;
        }
        return Unsafe.Add(ref Unsafe.AsRef(in Arg0), index);
    }
}
