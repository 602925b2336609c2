using System;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// A readiness post walks the open <c>event:</c> queues without copying their list: posts are frequent (every
/// interrupt, every driver's SendFevent), queues open and close rarely, so the list is copied on those instead.
/// </summary>
public class HostedPostAllocationTests
{
    [Fact]
    public void PostingReadinessAllocatesNothing()
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.True(Sys.Open("event:"u8, OpenFlags.NonBlock).IsOk);
            }
            kernel.PostIrq(5);                                   // warm: the first call may resolve and jit
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                kernel.PostIrq(5);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        });
    }
}
