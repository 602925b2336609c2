using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>The 64-bit TSS (Intel SDM vol. 3, 8.7): 104 bytes, 4-byte packed.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct TaskStateSegment
{
    private uint _reserved0;
    /// <summary>Stack for interrupts arriving from ring 3.</summary>
    public ulong Rsp0;
    /// <summary>Ring 1 stack (unused).</summary>
    public ulong Rsp1;
    /// <summary>Ring 2 stack (unused).</summary>
    public ulong Rsp2;
    private ulong _reserved1;
    /// <summary>Interrupt stack 1: double faults.</summary>
    public ulong Ist1;
    /// <summary>Interrupt stacks 2-7 (unused).</summary>
    public ulong Ist2, Ist3, Ist4, Ist5, Ist6, Ist7;
    private ulong _reserved2;
    private ushort _reserved3;
    /// <summary>Offset of the I/O permission bitmap (== size: none yet).</summary>
    public ushort IoMapBase;
}
