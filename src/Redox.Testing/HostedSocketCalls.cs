using System;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The driver's side of a hosted scheme: <c>read</c> (whole requests) and <c>write</c> (whole answers) on its socket, and
/// the calls that answer and then read in one: the SYS_CALL socket call, SYS_ANSWER_THEN_READ and
/// SYS_ANSWER_ONE_THEN_READ, as the real kernel's <c>SchemeSocket</c> serves them.
/// </summary>
internal static unsafe class HostedSocketCalls
{
    // read (requests) or write (answers) on a scheme socket.
    internal static SyscallResult Transfer(FileDescription description, Opcode opcode, nuint buffer, nuint length)
    {
        var endpoint = (ThreadedEndpoint)description.Endpoint!;
        // Whole requests (read, at least one) or whole responses (write), within the bound: the span below must never
        // reach past what the length can honestly mean.
        nuint record = opcode == Opcode.Read ? (nuint)AbiSizes.Sqe : (nuint)AbiSizes.Cqe;
        if (length % record != 0 || length > SyscallRouter.MaxRecordTransfer || (opcode == Opcode.Read && length == 0))
        {
            return Errno.EINVAL;
        }
        if (length != 0 && buffer == 0)
        {
            return Errno.EFAULT;
        }
        var span = new Span<byte>((void*)buffer, (int)length);
        return opcode == Opcode.Read
            ? endpoint.ReceiveRequests(span, (description.Flags & OpenFlags.NonBlock) != 0)
            : endpoint.SendResponses(span);
    }

    /// <summary>
    /// SYS_CALL on a scheme socket (<see cref="Redox.Syscall.SocketCall"/>, the kernel's extension): answers then
    /// requests, each exactly as write and read on the socket take them. The real kernel also runs the answered
    /// client at once; here the client's own thread simply wakes.
    /// </summary>
    internal static SyscallResult Call(HostedProcess process, nuint socket, nuint requests, nuint length, nuint flagsAndCount, nuint metadata)
    {
        if ((ulong)flagsAndCount != ((ulong)CallFlags.Read | 3))
        {
            return Errno.EINVAL;
        }
        if (metadata == 0)
        {
            return Errno.EFAULT;
        }
        var words = new ReadOnlySpan<ulong>((void*)metadata, 3);
        if (words[0] != Redox.Syscall.SocketCall.AnswerThenRead)
        {
            return Errno.EINVAL;
        }
        return AnswerThenRead(process, socket, requests, length, (nuint)words[1], (nuint)words[2]);
    }

    /// <summary>
    /// SYS_ANSWER_THEN_READ (and the SYS_CALL socket call above): answers then requests, each exactly as write and read
    /// on the socket take them. The real kernel also runs the answered client at once; here the client's own thread
    /// simply wakes.
    /// </summary>
    internal static SyscallResult AnswerThenRead(HostedProcess process, nuint socket, nuint requests, nuint length, nuint answers, nuint answersLength)
    {
        var description = process.GetDescriptor(socket);
        if (description == null || description.Kind != DescriptorKind.SchemeSocket)
        {
            return Errno.EBADF;
        }
        // One look-up for both halves (the driver's loop makes this call once per batch).
        if (answersLength != 0)
        {
            SyscallResult answered = Transfer(description, Opcode.Write, answers, answersLength);
            if (answered.IsError || answered.Value != answersLength)
            {
                return answered.IsError ? answered : Errno.EFAULT;
            }
        }
        return Transfer(description, Opcode.Read, requests, length);
    }

    /// <summary>
    /// SYS_ANSWER_ONE_THEN_READ: <see cref="AnswerThenRead"/> with one answer given as its two words, taken from a copy
    /// of them here (the real kernel reads no driver memory for it).
    /// </summary>
    internal static SyscallResult AnswerOneThenRead(HostedProcess process, nuint socket, nuint requests, nuint length, nuint head, nuint result)
    {
        ulong* answer = stackalloc ulong[2];
        answer[0] = head;
        answer[1] = result;
        return AnswerThenRead(process, socket, requests, length, (nuint)answer, (nuint)(2 * sizeof(ulong)));
    }
}
