using Redox.Kernel.Diagnostics;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;
using Samples.Drivers.Cmos;
using Samples.Drivers.Zero;

/// <summary>
/// The driver packages on bare metal: the same Samples.Drivers, Redox.Scheme.Abstractions and Redox.Syscall DLLs
/// the host tests run, here dispatching real scheme v2 requests inside the kernel and driving the CMOS chip
/// through the zero-cost port-I/O seam.
/// </summary>
public static unsafe class DriversScenario
{
    /// <summary>Passes when zero: answers open/read/write/close as on the host.</summary>
    public static bool Run()
    {
        bool ok = true;
        ZeroScheme zero = new ZeroScheme();
        ReadOnlySpan<byte> path = ""u8;
        byte* buffer = stackalloc byte[64];
        for (int i = 0; i < 64; i++) buffer[i] = 0xAA;
        fixed (byte* p = path)
        {
            Cqe opened = Call(zero, Opcode.Open, (ulong)p, (ulong)path.Length, (ulong)OpenFlags.ReadWrite);
            ok &= Check.That(SyscallResult.Demux(opened.Result).IsOk, "zero: opens");
            ulong fd = opened.Result;
            Cqe read = Call(zero, Opcode.Read, fd, (ulong)buffer, 64);
            ok &= Check.That(read.Result == 64 && buffer[0] == 0 && buffer[63] == 0, "zero: reads zeros");
            ok &= Check.That(Call(zero, Opcode.Close, fd, 0, 0).Result == 0, "zero: closes");
            ok &= Check.That(SyscallResult.Demux(Call(zero, Opcode.Read, fd, (ulong)buffer, 64).Result).Error == Errno.EBADF, "a closed handle is EBADF");
            ok &= Check.That(SyscallResult.Demux(Call(zero, (Opcode)200, 0, 0, 0).Result).Error == Errno.ENOSYS, "an unknown opcode is ENOSYS");
        }
        KernelLog.WriteLine("drivers: zero: served open/read/close in the kernel");

        // The port-I/O seam on real (emulated) hardware: the CMOS driver generic over BareMetalPortIo.
        CmosController<BareMetalPortIo> cmos = default;
        byte statusB = cmos.Read(0x0B);
        byte before = cmos.Read(CmosController<BareMetalPortIo>.FirstNvram);
        cmos.Write(CmosController<BareMetalPortIo>.FirstNvram, 0x5A);
        byte after = cmos.Read(CmosController<BareMetalPortIo>.FirstNvram);
        cmos.Write(CmosController<BareMetalPortIo>.FirstNvram, before);
        KernelLog.Write("drivers: cmos: status B ");
        KernelLog.WriteHex(statusB, 2);
        KernelLog.WriteLine(", NVRAM byte written and read back through BareMetalPortIo");
        ok &= Check.That(after == 0x5A, "CMOS NVRAM round trip through the IPortIo seam");
        return ok;
    }

    private static Cqe Call(SchemeBase scheme, Opcode opcode, ulong a0, ulong a1, ulong a2)
    {
        Sqe request = new Sqe { Opcode = opcode, Tag = 7, Arg0 = a0, Arg1 = a1, Arg2 = a2, Caller = 1 };
        SchemeDispatcher.Dispatch(scheme, request, default, out Cqe response);
        return response;
    }
}
