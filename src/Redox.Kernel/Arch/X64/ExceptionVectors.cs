using Redox.Kernel.Arch.X64;
namespace Redox.Kernel.Arch;

/// <summary>The CPU exception vectors (Intel SDM vol. 3, table 6-1) and their names for reports.</summary>
public static class ExceptionVectors
{
    /// <summary>#DF.</summary>
    public const int DoubleFault = 8;
    /// <summary>#GP.</summary>
    public const int GeneralProtection = 13;
    /// <summary>#PF.</summary>
    public const int PageFault = 14;
    /// <summary>Vectors 0-31 are the CPU's.</summary>
    public const int Count = 32;

    /// <summary>The mnemonic and name of an exception vector.</summary>
    public static string Name(ulong vector) => vector switch
    {
        0 => "#DE divide error",
        1 => "#DB debug",
        2 => "NMI",
        3 => "#BP breakpoint",
        4 => "#OF overflow",
        5 => "#BR bound range exceeded",
        6 => "#UD invalid opcode",
        7 => "#NM device not available",
        8 => "#DF double fault",
        10 => "#TS invalid TSS",
        11 => "#NP segment not present",
        12 => "#SS stack-segment fault",
        13 => "#GP general protection fault",
        14 => "#PF page fault",
        16 => "#MF x87 floating-point error",
        17 => "#AC alignment check",
        18 => "#MC machine check",
        19 => "#XM SIMD floating-point error",
        20 => "#VE virtualization exception",
        21 => "#CP control protection",
        _ => "reserved exception",
    };
}
