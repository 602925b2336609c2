using System;
using Redox.Syscall;

namespace Redox.Conformance;

public static unsafe partial class ConformanceClient
{
    // 0: open reaches the driver with its path and flags; fpath and F_GETFL give them back; close twice is EBADF.
    private static int OpenEchoesPathAndFlags()
    {
        OpenFlags flags = OpenFlags.ReadWrite | OpenFlags.NonBlock;
        if (!TryOpen("conf:echo/alpha"u8, flags, out nuint fd)) return 101;
        byte* path = stackalloc byte[64];
        SyscallResult n = Sys.Fpath(fd, new Span<byte>(path, 64));
        if (n.IsError || !new ReadOnlySpan<byte>(path, (int)n.Value).SequenceEqual("conf:echo/alpha"u8)) return 102;
        ulong mask = (ulong)(OpenFlags.AccessMode | OpenFlags.NonBlock);
        SyscallResult got = Sys.Fcntl(fd, FcntlCommand.GetFl, 0);
        if (got.IsError || (got.Value & mask) != (ulong)flags) return 103;
        if (!TryReadStats(out ConformanceStats stats)) return 104;
        if ((stats.LastOpenFlags & mask) != (ulong)flags) return 105;
        if (!Ok(Sys.Fcntl(fd, FcntlCommand.SetFl, (ulong)OpenFlags.Append), 0)) return 106;
        got = Sys.Fcntl(fd, FcntlCommand.GetFl, 0);
        if (got.IsError || (got.Value & (ulong)OpenFlags.Append) == 0 || (got.Value & (ulong)OpenFlags.AccessMode) != (ulong)OpenFlags.ReadWrite) return 107;
        if (!Ok(Sys.Close(fd), 0)) return 108;
        if (!Fails(Sys.Close(fd), Errno.EBADF)) return 109;
        return 0;
    }

    // 1: read and write move the kernel-kept offset; ReadAt/WriteAt use their own and leave it alone.
    private static int ReadAndWriteAtOffsets()
    {
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint fd)) return 201;
        if (!Ok(Sys.Write(fd, "hello"u8), 5)) return 202;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.Current), 5)) return 203;
        if (!Ok(Sys.Write(fd, " world"u8), 6)) return 204;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.Set), 0)) return 205;
        byte* buffer = stackalloc byte[16];
        SyscallResult r = Sys.Read(fd, new Span<byte>(buffer, 16));
        if (!Ok(r, 11) || !new ReadOnlySpan<byte>(buffer, 11).SequenceEqual("hello world"u8)) return 206;
        r = Sys.ReadAt(fd, new Span<byte>(buffer, 16), 6);
        if (!Ok(r, 5) || !new ReadOnlySpan<byte>(buffer, 5).SequenceEqual("world"u8)) return 207;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.Current), 11)) return 208;
        if (!Ok(Sys.WriteAt(fd, "J"u8, 0), 1)) return 209;
        r = Sys.ReadAt(fd, new Span<byte>(buffer, 5), 0);
        if (!Ok(r, 5) || !new ReadOnlySpan<byte>(buffer, 5).SequenceEqual("Jello"u8)) return 210;
        if (!Ok(Sys.Read(fd, new Span<byte>(buffer, 16)), 0)) return 211;      // at the end
        if (!Ok(Sys.Close(fd), 0)) return 212;
        return 0;
    }

    // 2: lseek SET/CUR/END (END asks the driver's fsize); negative and unknown whence are EINVAL; unpositioned ESPIPE.
    private static int LseekKeepsTheOffsetInTheKernel()
    {
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint fd)) return 301;
        if (!Ok(Sys.Write(fd, "0123456789"u8), 10)) return 302;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.Set), 0)) return 314;
        if (!Ok(Sys.Lseek(fd, -3, SeekWhence.End), 7)) return 303;             // END is the driver's fsize
        byte* buffer = stackalloc byte[8];
        SyscallResult r = Sys.Read(fd, new Span<byte>(buffer, 8));
        if (!Ok(r, 3) || !new ReadOnlySpan<byte>(buffer, 3).SequenceEqual("789"u8)) return 304;
        if (!Ok(Sys.Lseek(fd, 2, SeekWhence.Set), 2)) return 305;
        if (!Ok(Sys.Lseek(fd, 3, SeekWhence.Current), 5)) return 306;
        r = Sys.Read(fd, new Span<byte>(buffer, 1));
        if (!Ok(r, 1) || buffer[0] != (byte)'5') return 307;
        if (!Fails(Sys.Lseek(fd, -100, SeekWhence.Current), Errno.EINVAL)) return 308;
        if (!Fails(Sys.Lseek(fd, 0, (SeekWhence)7), Errno.EINVAL)) return 309;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.Current), 6)) return 310;            // a refused seek moved nothing
        if (!TryOpen("conf:echo/unpositioned"u8, OpenFlags.ReadOnly, out nuint echo)) return 311;
        if (!Fails(Sys.Lseek(echo, 0, SeekWhence.Set), Errno.ESPIPE)) return 312;
        Sys.Close(echo);
        if (!Ok(Sys.Close(fd), 0)) return 313;
        return 0;
    }

    // 3: fstat, fstatvfs, fsync, ftruncate, fchmod, fchown, futimens reach the driver and their effects come back.
    private static int MetadataOperations()
    {
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint fd)) return 401;
        if (!Ok(Sys.Write(fd, "abcdefgh"u8), 8)) return 402;
        if (!Ok(Sys.Ftruncate(fd, 4), 0)) return 403;
        Stat stat = default;
        if (!Ok(Sys.Fstat(fd, ref stat), 0) || stat.Size != 4) return 404;
        if (!Ok(Sys.Lseek(fd, 0, SeekWhence.End), 4)) return 405;
        if (!Ok(Sys.Fchmod(fd, 0x180), 0)) return 406;                         // rw-------
        if (!Ok(Sys.Fchown(fd, 7, 8), 0)) return 407;
        TimeSpec* times = stackalloc TimeSpec[2];
        times[0].Seconds = 1;
        times[1].Seconds = 12345;
        if (!Ok(Sys.Futimens(fd, new ReadOnlySpan<TimeSpec>(times, 2)), 0)) return 408;
        stat = default;
        if (!Ok(Sys.Fstat(fd, ref stat), 0)) return 409;
        if (stat.Mode != (ushort)(ModeFlags.File | (ModeFlags)0x180)) return 410;
        if (stat.Uid != 7 || stat.Gid != 8) return 411;
        if (stat.Mtime != 12345) return 412;
        if (!TryReadStats(out ConformanceStats before)) return 413;
        if (!Ok(Sys.Fsync(fd), 0)) return 414;
        if (!TryReadStats(out ConformanceStats after) || after.Fsyncs != before.Fsyncs + 1) return 415;
        StatVfs vfs = default;
        if (!Ok(Sys.Fstatvfs(fd, ref vfs), 0) || vfs.Blocks != ConformanceScheme.FileCapacity || vfs.BlocksFree != ConformanceScheme.FileCapacity - 4) return 416;
        if (!Fails(Sys.Ftruncate(fd, ConformanceScheme.FileCapacity + 1), Errno.EFBIG)) return 417;
        Sys.Fchmod(fd, 0x1A4);                                                    // back to rw-r--r--
        Sys.Fchown(fd, 0, 0);
        if (!Ok(Sys.Close(fd), 0)) return 418;
        return 0;
    }

    // 4: dup(fd, "") is a second descriptor on the same description (shared offset, the driver is not asked);
    //    dup(fd, "path") asks the driver (Dup) and gives a new description at offset 0.
    private static int DupSharesAndNamedDupIsNew()
    {
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint fd)) return 501;
        if (!Ok(Sys.Write(fd, "abcdef"u8), 6)) return 502;
        if (!TryReadStats(out ConformanceStats before)) return 503;
        SyscallResult copy = Sys.Dup(fd, default);
        if (copy.IsError || copy.Value == fd) return 504;
        if (!Ok(Sys.Lseek((nuint)copy.Value, 0, SeekWhence.Current), 6)) return 505;
        if (!Ok(Sys.Lseek(fd, 1, SeekWhence.Set), 1)) return 506;
        if (!Ok(Sys.Lseek((nuint)copy.Value, 0, SeekWhence.Current), 1)) return 507;     // one offset
        if (!TryReadStats(out ConformanceStats afterCopy) || afterCopy.Dups != before.Dups) return 508;
        SyscallResult named = Sys.Dup(fd, "stats"u8);
        if (named.IsError) return 509;
        if (!TryReadStats(out ConformanceStats afterNamed) || afterNamed.Dups != before.Dups + 1) return 510;
        byte* path = stackalloc byte[32];
        SyscallResult n = Sys.Fpath((nuint)named.Value, new Span<byte>(path, 32));
        if (n.IsError || !new ReadOnlySpan<byte>(path, (int)n.Value).SequenceEqual("conf:stats"u8)) return 511;
        SyscallResult file = Sys.Dup(fd, "file"u8);
        if (file.IsError) return 512;
        if (!Ok(Sys.Lseek((nuint)file.Value, 0, SeekWhence.Current), 0)) return 513;     // its own offset
        if (!Ok(Sys.Close(fd), 0)) return 514;
        byte* buffer = stackalloc byte[8];
        SyscallResult r = Sys.Read((nuint)copy.Value, new Span<byte>(buffer, 8));       // the description lives on
        if (!Ok(r, 5) || !new ReadOnlySpan<byte>(buffer, 5).SequenceEqual("bcdef"u8)) return 515;
        if (!TryReadStats(out ConformanceStats beforeClose)) return 516;
        if (!Ok(Sys.Close((nuint)copy.Value), 0)) return 517;
        if (!TryReadStats(out ConformanceStats afterClose) || afterClose.Closes != beforeClose.Closes + 2) return 518;  // the last reference closed it
        Sys.Close((nuint)named.Value);
        Sys.Close((nuint)file.Value);
        return 0;
    }

    // 5: SYS_CALL: the payload goes both ways, the first metadata word arrives.
    private static int SchemeCallCarriesPayloadAndMetadata()
    {
        if (!TryOpen("conf:echo/call"u8, OpenFlags.ReadWrite, out nuint fd)) return 601;
        byte* payload = stackalloc byte[4];
        for (int i = 0; i < 4; i++) payload[i] = (byte)(i + 1);
        ulong* metadata = stackalloc ulong[1];
        metadata[0] = 10;
        if (!TryReadStats(out ConformanceStats before)) return 602;
        SyscallResult r = Sys.SchemeCall(fd, new Span<byte>(payload, 4), CallFlags.Read | CallFlags.Write, new ReadOnlySpan<ulong>(metadata, 1));
        if (!Ok(r, 14)) return 603;
        if (payload[0] != 2 || payload[1] != 3 || payload[2] != 4 || payload[3] != 5) return 604;
        if (!TryReadStats(out ConformanceStats after) || after.Calls != before.Calls + 1) return 605;
        Sys.Close(fd);
        return 0;
    }

    // 6: an unknown scheme is ENODEV; an unknown path is the driver's ENOENT.
    private static int MissingSchemeAndMissingPath()
    {
        if (!Fails(Sys.Open("nosuchscheme:x"u8, OpenFlags.ReadOnly), Errno.ENODEV)) return 701;
        if (!Fails(Sys.Open("conf:missing"u8, OpenFlags.ReadOnly), Errno.ENOENT)) return 702;
        if (!Fails(Sys.Open("conf:echo/"u8, OpenFlags.ReadOnly), Errno.ENOENT)) return 703;
        return 0;
    }

    // 7: a closed or never-opened descriptor is EBADF for every call.
    private static int BadDescriptorsAreEbadf()
    {
        if (!TryOpen("conf:echo/closed"u8, OpenFlags.ReadWrite, out nuint fd)) return 801;
        if (!Ok(Sys.Close(fd), 0)) return 802;
        byte* buffer = stackalloc byte[4];
        if (!Fails(Sys.Read(fd, new Span<byte>(buffer, 4)), Errno.EBADF)) return 803;
        if (!Fails(Sys.Write(fd, new ReadOnlySpan<byte>(buffer, 4)), Errno.EBADF)) return 804;
        Stat stat = default;
        if (!Fails(Sys.Fstat(fd, ref stat), Errno.EBADF)) return 805;
        if (!Fails(Sys.Fsync(fd), Errno.EBADF)) return 806;
        if (!Fails(Sys.Lseek(fd, 0, SeekWhence.Set), Errno.EBADF)) return 807;
        if (!Fails(Sys.Dup(fd, default), Errno.EBADF)) return 808;
        if (!Fails(Sys.Close(fd), Errno.EBADF)) return 809;
        if (!Fails(Sys.Read(1_000_000, new Span<byte>(buffer, 4)), Errno.EBADF)) return 810;
        return 0;
    }

    // 8: subscribe a handle on an event: queue; the driver's fevent says "not ready", its post after a write is
    //    read back with the subscription's id and data.
    private static int FeventReadinessThroughAnEventQueue()
    {
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint fd)) return 901;
        if (!TryOpen("event:"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock, out nuint queue)) return 902;
        if (!TryReadStats(out ConformanceStats before)) return 903;
        Event* events = stackalloc Event[2];
        events[0].Id = fd;
        events[0].Flags = (ulong)EventFlags.Read;
        events[0].Data = 0xC0FFEE;
        if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(events, sizeof(Event))), (ulong)sizeof(Event))) return 904;
        if (!Fails(Sys.Read(queue, new Span<byte>(events, 2 * sizeof(Event))), Errno.EAGAIN)) return 905;   // nothing yet
        if (!Ok(Sys.Write(fd, "x"u8), 1)) return 906;                                                  // the driver posts EVENT_READ
        if (!Ok(Sys.Read(queue, new Span<byte>(events, 2 * sizeof(Event))), (ulong)sizeof(Event))) return 907;
        if (events[0].Id != fd) return 908;
        if ((events[0].Flags & (ulong)EventFlags.Read) == 0) return 909;
        if (events[0].Data != 0xC0FFEE) return 910;
        if (!TryReadStats(out ConformanceStats after)) return 911;
        if (after.Fevents <= before.Fevents) return 912;
        if (after.EventsPosted <= before.EventsPosted) return 913;
        if (!Ok(Sys.Close(queue), 0)) return 914;
        if (!Ok(Sys.Close(fd), 0)) return 915;
        return 0;
    }

    // 9: the driver's CallerContext carries the caller's pid.
    private static int CallerPidReachesTheDriver()
    {
        SyscallResult pid = Sys.Getpid();
        if (pid.IsError) return 1001;
        if (!TryReadStats(out ConformanceStats stats)) return 1002;
        if (stats.CallerPid != pid.Value) return 1003;
        return 0;
    }

    // 10: closing a descriptor sends Close: the driver's open handles go back down.
    private static int CloseReachesTheScheme()
    {
        if (!TryReadStats(out ConformanceStats first)) return 1101;
        if (!TryOpen("conf:echo/short-lived"u8, OpenFlags.ReadOnly, out nuint fd)) return 1102;
        if (!TryReadStats(out ConformanceStats open)) return 1103;
        if (open.OpenHandles != first.OpenHandles + 1) return 1104;
        if (!Ok(Sys.Close(fd), 0)) return 1105;
        if (!TryReadStats(out ConformanceStats closed)) return 1106;
        if (closed.OpenHandles != first.OpenHandles) return 1107;
        if (closed.Closes != first.Closes + 3) return 1108;      // two stats reads and this handle
        return 0;
    }

    // 11: an event queue's rules: record counts, what can be watched, merging, the subscription limit, and that
    // closing a watched descriptor frees its subscription.
    private static int EventQueueLimitsAndMerging()
    {
        const int limit = 32;     // subscriptions per queue in both kernels
        if (!TryOpen("event:"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock, out nuint queue)) return 1201;
        Event* events = stackalloc Event[limit + 1];
        if (!Fails(Sys.Write(queue, ReadOnlySpan<byte>.Empty), Errno.EINVAL)) return 1202;            // no record
        if (!Fails(Sys.Write(queue, new ReadOnlySpan<byte>(events, (limit + 1) * sizeof(Event))), Errno.EINVAL)) return 1203;
        if (!Fails(Sys.Read(queue, new Span<byte>(events, sizeof(Event) - 1)), Errno.EINVAL)) return 1204;   // no whole event
        events[0] = new Event { Id = queue, Flags = (ulong)EventFlags.Read };
        if (!Fails(Sys.Write(queue, new ReadOnlySpan<byte>(events, sizeof(Event))), Errno.EBADF)) return 1205;  // a queue is not watchable

        // Two posts for one descriptor before a read arrive as one event.
        if (!TryOpen("conf:file"u8, OpenFlags.ReadWrite | OpenFlags.Truncate, out nuint file)) return 1206;
        events[0] = new Event { Id = file, Flags = (ulong)EventFlags.Read, Data = 7 };
        events[1] = new Event { Id = 1_000_000, Flags = (ulong)EventFlags.Read };
        // The second record names no descriptor: the first is taken and the answer says so.
        if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(events, 2 * sizeof(Event))), (ulong)sizeof(Event))) return 1207;
        if (!Ok(Sys.Write(file, "a"u8), 1) || !Ok(Sys.Write(file, "b"u8), 1)) return 1208;
        if (!Ok(Sys.Read(queue, new Span<byte>(events, 4 * sizeof(Event))), (ulong)sizeof(Event))) return 1209;
        if (events[0].Id != file || events[0].Data != 7) return 1210;

        // The limit: `limit` descriptors can be watched (the file is one), one more is ENOSPC until a watched one closes.
        nuint* handles = stackalloc nuint[limit];
        for (int i = 0; i < limit; i++)
        {
            if (!TryOpen("conf:echo/watched"u8, OpenFlags.ReadOnly, out handles[i])) return 1211;
        }
        for (int i = 0; i < limit - 1; i++)
        {
            events[0] = new Event { Id = handles[i], Flags = (ulong)EventFlags.Write };
            if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(events, sizeof(Event))), (ulong)sizeof(Event))) return 1212;
        }
        events[0] = new Event { Id = handles[limit - 1], Flags = (ulong)EventFlags.Write };
        if (!Fails(Sys.Write(queue, new ReadOnlySpan<byte>(events, sizeof(Event))), Errno.ENOSPC)) return 1213;
        // Re-subscribing a watched descriptor replaces its subscription, it takes no room.
        events[1] = new Event { Id = handles[0], Flags = (ulong)EventFlags.Read };
        if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(&events[1], sizeof(Event))), (ulong)sizeof(Event))) return 1214;
        if (!Ok(Sys.Close(handles[0]), 0)) return 1215;                                       // its last descriptor: forgotten
        if (!Ok(Sys.Write(queue, new ReadOnlySpan<byte>(events, sizeof(Event))), (ulong)sizeof(Event))) return 1216;
        for (int i = 1; i < limit; i++)
        {
            if (!Ok(Sys.Close(handles[i]), 0)) return 1217;
        }
        if (!Ok(Sys.Close(file), 0)) return 1218;
        if (!Ok(Sys.Close(queue), 0)) return 1219;
        return 0;
    }
}
