using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

/// <summary>
/// The <c>fevent</c> wake-up: a client blocked in <c>read</c> on its <c>event:</c> queue, subscribed to a handle of the
/// ring-3 driver <c>evbench:</c>; the driver posts readiness for that handle (Redox's <c>SendFevent</c>, through its
/// <see cref="SchemeServer"/>'s outbox) and goes back to waiting for requests. The figure runs from the driver's
/// timestamp just before its post to the client's just after its queue read returns: the post's write syscall, the
/// kernel's delivery to the queue, the driver blocking in its socket read, the switch, and the client's return.
/// The client then fetches the driver's timestamp with a <c>read</c> of the handle (outside the measured span), which
/// also asks for the next post. Peer: a Linux futex wake-up between two processes (benchmarks/linux-peer/peer.c).
/// </summary>
internal static unsafe class FeventBenchmark
{
    private const int Posts = 200;

    /// <summary>The driver: serves <c>evbench:</c>, posts once per client read, ends when the client closes.</summary>
    public static int Driver()
    {
        SyscallResult socket = SchemeServer.CreateSocket(":evbench"u8);
        if (socket.IsError) return Output.Fail("bench-fevent: create evbench:"u8, socket);
        var scheme = new PostingScheme();
        var server = new SchemeServer(scheme, (nuint)socket.Value);
        while (!scheme.Closed)
        {
            SyscallResult served = server.RunOnce();
            if (served.IsError) return Output.Fail("bench-fevent: serve"u8, served);
            if (served.Value == 0) break;
            if (!scheme.Armed) continue;
            scheme.Armed = false;
            Sys.Yield();                                   // the client blocks on its queue before the post
            scheme.Events.Post(PostingScheme.Handle, EventFlags.Read);
            scheme.LastPost = Native.ReadTimestampCounter();
            SyscallResult posted = server.FlushEvents();
            if (posted.IsError) return Output.Fail("bench-fevent: post"u8, posted);
        }
        return 0;
    }

    /// <summary>The client: subscribes, waits for <see cref="Posts"/> posts, prints the median wake-up.</summary>
    public static int Waiter()
    {
        SyscallResult handle = default;
        for (int i = 0; i < 500; i++)                      // the driver may not have created its scheme yet
        {
            handle = Sys.Open("evbench:"u8, OpenFlags.ReadWrite);
            if (!handle.IsError) break;
            Sys.Yield();
        }
        if (handle.IsError) return Output.Fail("bench-fevent: open evbench:"u8, handle);
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError) return Output.Fail("bench-fevent: open event:"u8, queue);
        Event subscription = new Event { Id = handle.Value, Flags = (ulong)EventFlags.Read, Data = 7 };
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(&subscription, sizeof(Event)));
        if (subscribed.IsError) return Output.Fail("bench-fevent: subscribe"u8, subscribed);

        ulong* samples = stackalloc ulong[Posts];
        ulong posted = 0;
        if (!FetchAndArm(handle.Value, &posted)) return Output.Fail("bench-fevent: arm"u8);
        for (int i = 0; i < Posts; i++)
        {
            Event arrived;
            SyscallResult waited = Sys.Read((nuint)queue.Value, new Span<byte>(&arrived, sizeof(Event)));
            ulong woke = Native.ReadTimestampCounter();
            if (waited.IsError || arrived.Id != handle.Value || arrived.Data != 7) return Output.Fail("bench-fevent: wait"u8, waited);
            if (!FetchAndArm(handle.Value, &posted)) return Output.Fail("bench-fevent: fetch"u8);
            samples[i] = woke > posted ? woke - posted : 0;
        }
        Sys.Close((nuint)queue.Value);
        Sys.Close((nuint)handle.Value);
        // Posts samples, not Runs: every post is one sample; the median drops the odd timer tick.
        Output.Text("bench: fevent wake-up (driver post -> client's event: read returns) "u8);
        Output.Number(GuestBenchmarks.Median(samples, Posts));
        Output.Line(" ticks"u8);
        return 0;
    }

    /// <summary>A read of the handle: the driver's last post time (8 bytes); it also asks the driver for the next post.</summary>
    private static bool FetchAndArm(ulong handle, ulong* posted)
    {
        SyscallResult read = Sys.Read((nuint)handle, new Span<byte>(posted, sizeof(ulong)));
        return !read.IsError && read.Value == sizeof(ulong);
    }

    /// <summary><c>evbench:</c>: one handle, never ready on its own; a read answers the last post time and arms the next.</summary>
    private sealed class PostingScheme : SchemeBase
    {
        public const ulong Handle = 1;
        public bool Armed, Closed;
        public ulong LastPost;

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(Handle);

        public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
            => id == Handle ? SyscallResult.Ok(0) : Errno.EBADF;

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            if (id != Handle || buffer.Length < sizeof(ulong)) return Errno.EINVAL;
            ulong value = LastPost;
            new ReadOnlySpan<byte>(&value, sizeof(ulong)).CopyTo(buffer);
            Armed = true;
            return SyscallResult.Ok(sizeof(ulong));
        }

        public override SyscallResult Close(ulong id, in CallerContext caller)
        {
            Closed = true;
            return SyscallResult.Ok(0);
        }
    }
}
