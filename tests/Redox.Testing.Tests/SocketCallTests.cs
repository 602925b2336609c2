using System;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Scheme;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// <see cref="SocketCall.AnswerThenRead"/> on the hosted kernel: the same answers-then-requests the real kernel runs
/// (its ring-3 side is the ipc and ipchostile boot tests), and every malformed form refused with an errno.
/// </summary>
public class SocketCallTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]                                       // the one answer in registers: SYS_ANSWER_ONE_THEN_READ
    public void AnswersThenReadsTheNextRequests(bool oneAnswerInRegisters)
    {
        using var kernel = new HostedKernel();
        kernel.CallTimeoutMs = 5_000;                         // a lost answer fails the test instead of hanging it
        var driverProcess = kernel.CreateProcess();
        nuint socket = 0;
        var created = new ManualResetEventSlim();
        Exception? driverFailure = null;
        var driver = new Thread(() => driverProcess.Run(() =>
        {
            try
            {
                socket = (nuint)Sys.Open(":pair"u8, OpenFlags.Create | OpenFlags.ReadWrite).Value;
                created.Set();
                var requests = new Sqe[4];
                Span<byte> requestBytes = MemoryMarshal.AsBytes(requests.AsSpan());
                var answers = new Cqe[4];
                int pending = 0;
                for (int served = 0; served < 3; served++)
                {
                    SyscallResult read = oneAnswerInRegisters && pending == 1
                        ? Sys.AnswerOneThenRead(socket, requestBytes, answers[0])
                        : Sys.AnswerThenRead(socket, requestBytes, MemoryMarshal.AsBytes(answers.AsSpan(0, pending)));
                    Assert.True(read.IsOk, read.ToString());
                    Assert.Equal((ulong)AbiSizes.Sqe, read.Value);
                    Sqe request = requests[0];
                    // open answers handle 7, every other call 0.
                    answers[0] = request.Opcode == Opcode.Open
                        ? Cqe.Respond(request.Tag, SyscallResult.Ok(7))
                        : Cqe.Respond(request.Tag, SyscallResult.Ok(0));
                    pending = 1;
                }
                Sys.Write(socket, MemoryMarshal.AsBytes(answers.AsSpan(0, pending)));
            }
            catch (Exception e)
            {
                driverFailure = e;                             // reported on the test's thread, not as a crash
                created.Set();
            }
        }));
        driver.Start();
        Assert.True(created.Wait(5_000));
        kernel.CreateProcess().Run(() =>
        {
            SyscallResult opened = Sys.Open("pair:x"u8, OpenFlags.ReadOnly);
            Assert.True(opened.IsOk, opened.ToString());
            Assert.Equal(0UL, Sys.Read((nuint)opened.Value, new byte[4]).Value);
            Assert.True(Sys.Fsync((nuint)opened.Value).IsOk);
        });
        Assert.True(driver.Join(5_000));
        Assert.Null(driverFailure);
    }

    [Fact]
    public void MalformedSocketCallsAreErrnos()
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            var socket = (nuint)Sys.Open(":bad"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.NonBlock).Value;
            var requests = new byte[AbiSizes.Sqe];
            // Wrong operation word, wrong flags, wrong word count, no metadata.
            Assert.Equal(Errno.EINVAL, Sys.SchemeCall(socket, requests, CallFlags.Read, [99UL, 0, 0]).Error);
            Assert.Equal(Errno.EINVAL, Sys.SchemeCall(socket, requests, CallFlags.Read | CallFlags.Write, [SocketCall.AnswerThenRead, 0, 0]).Error);
            Assert.Equal(Errno.EINVAL, Sys.SchemeCall(socket, requests, CallFlags.Read, [SocketCall.AnswerThenRead]).Error);
            Assert.Equal(Errno.EFAULT, Sys.Call(SyscallNumbers.Call, socket, 0, 0, (nuint)((ulong)CallFlags.Read | 3), 0).Error);
            // Answers that are not whole records; then a valid call with nothing queued on a non-blocking socket.
            Assert.Equal(Errno.EINVAL, Sys.AnswerThenRead(socket, requests, new byte[AbiSizes.Cqe - 1]).Error);
            Assert.Equal(Errno.EAGAIN, Sys.AnswerThenRead(socket, requests, default).Error);
            // A request buffer too small for one request.
            Assert.Equal(Errno.EINVAL, Sys.AnswerThenRead(socket, new byte[AbiSizes.Sqe - 1], default).Error);
            // The SYS_CALL form does what SYS_ANSWER_THEN_READ (Sys.AnswerThenRead) does, refusals included.
            Assert.Equal(Errno.EAGAIN, Sys.SchemeCall(socket, requests, CallFlags.Read, [SocketCall.AnswerThenRead, 0, 0]).Error);
            // SYS_ANSWER_THEN_READ on a descriptor that is not open.
            Assert.Equal(Errno.EBADF, Sys.AnswerThenRead(999, requests, default).Error);
            // SYS_ANSWER_ONE_THEN_READ: a descriptor that is not open, or not a socket, is EBADF; an answer with a tag of
            // no call is dropped, and the read goes on (nothing queued: EAGAIN); a request buffer too small is EINVAL.
            Cqe stray = Cqe.Respond(0x1234, SyscallResult.Ok(1));
            Assert.Equal(Errno.EBADF, Sys.AnswerOneThenRead(999, requests, stray).Error);
            SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
            Assert.True(queue.IsOk, queue.ToString());
            Assert.Equal(Errno.EBADF, Sys.AnswerOneThenRead((nuint)queue.Value, requests, stray).Error);
            Assert.Equal(Errno.EAGAIN, Sys.AnswerOneThenRead(socket, requests, stray).Error);
            Assert.Equal(Errno.EINVAL, Sys.AnswerOneThenRead(socket, new byte[AbiSizes.Sqe - 1], stray).Error);
        });
    }
}
