using System;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// <c>read</c> (wait for events) and <c>write</c> (subscribe) on a hosted <c>event:</c> queue, by the real kernel's rules
/// (<c>EventQueues</c>).
/// </summary>
internal static unsafe class HostedEventQueueCalls
{
    internal static SyscallResult ReadWrite(HostedProcess process, FileDescription description, Opcode opcode, nuint buffer, nuint length)
    {
        if (length % (nuint)sizeof(Event) != 0 || length > SyscallRouter.MaxRecordTransfer)
        {
            return Errno.EINVAL;
        }
        if (length != 0 && buffer == 0)
        {
            return Errno.EFAULT;
        }
        var events = new Span<Event>((void*)buffer, (int)(length / (nuint)sizeof(Event)));
        if (opcode == Opcode.Read)
        {
            if (events.Length == 0)
            {
                return Errno.EINVAL;     // room for no whole event, as in the real kernel
            }
            bool nonBlocking = (description.Flags & OpenFlags.NonBlock) != 0;
            int n = description.Events!.Dequeue(events, nonBlocking ? 0 : process.Kernel.CallTimeoutMs);
            if (n == 0)
            {
                return nonBlocking ? Errno.EAGAIN : Errno.ETIMEDOUT;
            }
            return SyscallResult.Ok((ulong)(n * sizeof(Event)));
        }
        // Subscriptions follow the real kernel's rules (EventQueues.Subscribe): at least one record and at most a
        // queue's worth; each names a scheme handle, a time: or irq: handle, or the process's own scheme socket (so one
        // wait covers a driver's requests and interrupts); a failure after the first record answers the bytes taken so far.
        if (events.Length == 0 || events.Length > EventQueue.MaxSubscriptions)
        {
            return Errno.EINVAL;
        }
        for (int i = 0; i < events.Length; i++)
        {
            ref readonly Event subscription = ref events[i];
            var watched = process.GetDescriptor(subscription.Id);
            SyscallResult result = watched == null || watched.Kind == DescriptorKind.EventQueue
                ? Errno.EBADF
                : process.Kernel.Subscribe(process, description.Events!, subscription.Id, watched, (EventFlags)(uint)subscription.Flags, subscription.Data);
            if (result.IsError)
            {
                return i == 0 ? result : SyscallResult.Ok((ulong)(i * sizeof(Event)));
            }
        }
        return SyscallResult.Ok(length);
    }
}
