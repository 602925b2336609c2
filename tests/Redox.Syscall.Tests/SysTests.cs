using System.Runtime.InteropServices;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>The raw entry: ENOSYS until a back end is installed, then every argument reaches it in order.</summary>
public unsafe class SysTests
{
    private static readonly nuint[] s_seen = new nuint[7];

    [UnmanagedCallersOnly]
    private static nuint Recorder(nuint n, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        s_seen[0] = n; s_seen[1] = a; s_seen[2] = b; s_seen[3] = c; s_seen[4] = d; s_seen[5] = e; s_seen[6] = f;
        return n == SyscallNumbers.Read ? c : (nuint)SyscallResult.Mux(Errno.EBADF);
    }

    [Fact]
    public void NotInstalledAnswersEnosysThenInstalledEntryGetsArgumentsInOrder()
    {
        // This assembly never installs a back end anywhere else, so the first half is deterministic.
        Assert.False(Sys.IsInstalled);
        Assert.Equal(Errno.ENOSYS, Sys.Close(3).Error);

        Sys.Install(&Recorder);
        Assert.True(Sys.IsInstalled);
        Assert.Equal(Errno.EBADF, Sys.Call(1, 2, 3, 4, 5, 6, 7).Error);
        Assert.Equal(new nuint[] { 1, 2, 3, 4, 5, 6, 7 }, s_seen);

        var buffer = new byte[12];
        var read = Sys.Read(9, buffer);
        Assert.True(read.IsOk);
        Assert.Equal(12UL, read.Value);
        Assert.Equal(SyscallNumbers.Read, s_seen[0]);
        Assert.Equal((nuint)9, s_seen[1]);
        Assert.Equal((nuint)12, s_seen[3]);
    }
}
