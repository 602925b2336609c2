using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The interrupt descriptor table: all 256 vectors point at the stubs in <c>Interrupts.S</c>, as interrupt gates
/// (interrupts off on entry). Double faults run on IST1; the yield vector may be raised from ring 0 only.
/// </summary>
public static unsafe class Idt
{
    /// <summary>Vectors in the table.</summary>
    public const int VectorCount = 256;

    /// <summary>Fills and loads the IDT (in the entry area: the CPU reads it on every interrupt, in either view).</summary>
    public static void Initialize()
    {
        Fill(Native.InterruptStubTable());
        fixed (ulong* words = EntryArea.s_area.Idt)
        {
            DescriptorTablePointer pointer;
            pointer.Limit = (ushort)(VectorCount * 16 - 1);
            pointer.Base = (ulong)words;
            Native.LoadIdt(&pointer);
        }
    }

    /// <summary>
    /// Page-table isolation: every vector to its stub of the second set (<c>Interrupts.S</c>), whose common path
    /// switches the root when it comes from or goes back to ring 3. The IDT is rewritten in place; IDTR stays.
    /// </summary>
    public static void UseIsolatedStubs() => Fill(Native.InterruptStubTable() + VectorCount);

    private static void Fill(ulong* stubs)
    {
        fixed (ulong* words = EntryArea.s_area.Idt)
        {
            for (int vector = 0; vector < VectorCount; vector++)
            {
                byte ist = vector == ExceptionVectors.DoubleFault ? (byte)1 : (byte)0;
                Encode(stubs[vector], Gdt.KernelCode, ist, out words[vector * 2], out words[vector * 2 + 1]);
            }
        }
    }

    /// <summary>A present, ring-0 64-bit interrupt gate (type 0xE) as its two 8-byte words (Intel SDM 6.14.1).</summary>
    public static void Encode(ulong handler, ushort selector, byte ist, out ulong low, out ulong high)
    {
        low = (handler & 0xFFFF) | ((ulong)selector << 16) | ((ulong)(ist & 7) << 32) | (0x8EUL << 40) |
              (((handler >> 16) & 0xFFFF) << 48);
        high = handler >> 32;
    }
}
