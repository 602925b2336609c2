using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>The operand of LGDT and LIDT: a 16-bit limit then a 64-bit base, packed.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct DescriptorTablePointer
{
    /// <summary>Size of the table in bytes, minus one.</summary>
    public ushort Limit;

    /// <summary>Linear address of the table.</summary>
    public ulong Base;
}
