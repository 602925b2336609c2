using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// The state of one managed frame that exception dispatch needs: where it is (instruction and stack pointer) and
/// the callee-saved registers as that frame sees them. The layout is a contract with ExceptionHandling.S.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RegisterContext
{
    /// <summary>The frame's instruction pointer: a return address (or a fault address plus one).</summary>
    public nuint Rip;

    /// <summary>The frame's stack pointer.</summary>
    public nuint Rsp;

    /// <summary>Callee-saved registers (System V x86-64).</summary>
    public nuint Rbx, Rbp, R12, R13, R14, R15;

    /// <summary>The value of DWARF register <paramref name="number"/> (3 rbx, 6 rbp, 7 rsp, 12-15); 0 for others.</summary>
    public nuint Get(int number) => number switch
    {
        3 => Rbx,
        6 => Rbp,
        7 => Rsp,
        12 => R12,
        13 => R13,
        14 => R14,
        15 => R15,
        _ => 0,
    };

    /// <summary>Sets DWARF register <paramref name="number"/>; registers exception dispatch does not track are ignored.</summary>
    public void Set(int number, nuint value)
    {
        switch (number)
        {
            case 3: Rbx = value; break;
            case 6: Rbp = value; break;
            case 7: Rsp = value; break;
            case 12: R12 = value; break;
            case 13: R13 = value; break;
            case 14: R14 = value; break;
            case 15: R15 = value; break;
            case 16: Rip = value; break;
        }
    }
}
