using Redox.Syscall;

/// <summary>Redox.Syscall's Sys from kernel code into the dispatcher: results and errnos, never a fault.</summary>
public static class SyscallScenario
{
    /// <summary>Passes when every call answers as the ABI says.</summary>
    public static unsafe bool Run()
    {
        bool ok = Check.That(Sys.IsInstalled, "the kernel installed the bare-metal back end");
        SyscallResult written = Sys.Write(1, "syscall: hello from Sys.Write through the kernel back end\n"u8);
        ok &= Check.That(written.IsOk && written.Value == 58, "write to fd 1 returns the count");
        ok &= Check.That(Sys.Write(7, "x"u8).Error == Errno.EBADF, "an unknown descriptor is EBADF");
        ok &= Check.That(Sys.Call(SyscallNumbers.Write, 1, 0x10, 4).Error == Errno.EFAULT, "a null-page buffer is EFAULT");
        ok &= Check.That(Sys.Call(SyscallNumbers.Write, 1, unchecked((nuint)0x0000_7000_0000_0000UL), 4).Error == Errno.EFAULT, "an unmapped buffer is EFAULT");
        ok &= Check.That(Sys.Call(SyscallNumbers.Write, 1, unchecked((nuint)(-8L)), 64).Error == Errno.EFAULT, "a wrapping buffer is EFAULT");
        ok &= Check.That(Sys.Call(SyscallNumbers.Write, 1, 0x1000, (nuint)(1UL << 30)).Error == Errno.EINVAL, "a huge length is EINVAL");
        ok &= Check.That(Sys.Call(SyscallNumbers.Open, 0, 0).Error == Errno.ENOSYS, "calls without a route are ENOSYS");
        ok &= Check.That(Sys.Call(0xDEAD_BEEF).Error == Errno.ENOSYS, "an unknown call number is ENOSYS");
        ok &= Check.That(Sys.Call(SyscallNumbers.Yield).IsOk, "yield");
        ok &= Check.That(Sys.Call(SyscallNumbers.Getpid).Value == 0, "getpid is the boot thread's id");
        return ok;
    }
}
