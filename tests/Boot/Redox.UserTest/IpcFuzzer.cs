using Redox.Syscall;

/// <summary>
/// The client-side IPC fuzzer, seeded and repeatable: random descriptor calls against well-behaved drivers
/// (<c>zero:</c> and <c>ramdisk:</c>, served by their sample drivers in other processes) and the kernel's own schemes:
/// open of random paths with random flags (<c>:name</c> creations included), read/write/read2/write2, lseek, dup with and
/// without a buffer, fstat, fpath, fsync, ftruncate, fevent, fcntl, SYS_CALL with random flags and metadata counts,
/// close, and <c>event:</c> subscribe and (non-blocking) read; on random descriptors (open ones, closed ones, huge) with
/// buffers of every bad kind (the syscall fuzzer's arguments) and lengths up to 2^64-1. Valid pointers go only into a
/// scratch area: a read into this process's own stack or heap would be its own doing (the kernel rightly allows it)
/// and end it, not the kernel. Every 4096 calls a held handle
/// of <c>zero:</c> must still read zeros exactly, so a driver or kernel that went wrong shows at once.
/// Nothing here may block for good: event queues are always non-blocking (F_SETFL keeps O_NONBLOCK), and a created
/// scheme's socket is closed at once (a call into this process's own scheme would wait for it).
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static unsafe class IpcFuzzer
{
    private const int Area = 64 * 1024;
    private static ulong s_area;
    private static ulong s_open;                  // bit per descriptor this fuzzer holds (random calls may use them)
    private static nuint s_closed;                // the last descriptor closed

    public static int Run(ReadOnlySpan<byte> countText)
    {
        ulong count = Output.Parse(countText, 1_000_000);
        SeededRandom.Seed(0x5851_F42D_4C95_7F2D);
        Map request = default;
        request.Size = Area;
        request.Flags = 0x0004_0000 | 0x0002_0000 | 2;
        SyscallResult scratch = Sys.Call(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue), (nuint)(&request), (nuint)sizeof(Map));
        if (scratch.IsError) return Output.Fail("ipc fuzz: no scratch memory"u8);
        s_area = scratch.Value;
        // Descriptors 0-2 go; one debug descriptor for progress and one zero: handle for the checks are kept out of the random calls.
        for (nuint fd = 0; fd < 3; fd++) Sys.Close(fd);
        nuint progress = (nuint)Sys.Open("debug:"u8, OpenFlags.WriteOnly).Value;
        SyscallResult zero = Sys.Open("zero:"u8, OpenFlags.ReadWrite);
        if (zero.IsError)
        {
            Sys.Write(progress, "usertest: check failed: ipc fuzz: open zero:\n"u8);
            return 1;
        }
        nuint check = (nuint)zero.Value;
        ulong values = 0, errnos = 0, checks = 0;
        for (ulong i = 0; i < count; i++)
        {
            SyscallResult result = OneCall(progress, check);
            if (result.IsError) errnos++;
            else values++;
            if ((i & 0xFFF) == 0xFFF)
            {
                if (!ZeroStillReadsZeros(check)) return Failed(progress, "ipc fuzz: zero: stopped reading zeros"u8);
                checks++;
            }
            if ((i & 0x3FFFF) == 0x3FFFF) Sys.Write(progress, "usertest: ipc fuzz progress\n"u8);
        }
        for (nuint fd = 0; fd < 64; fd++)
        {
            if (fd != progress && fd != check) Sys.Close(fd);
        }
        if (!ZeroStillReadsZeros(check)) return Failed(progress, "ipc fuzz: zero: stopped reading zeros"u8);
        Sys.Close(check);
        Sys.Write(progress, "usertest: ipc fuzz done: "u8);
        WriteNumber(progress, count);
        Sys.Write(progress, " calls, "u8);
        WriteNumber(progress, values);
        Sys.Write(progress, " values, "u8);
        WriteNumber(progress, errnos);
        Sys.Write(progress, " errnos, "u8);
        WriteNumber(progress, checks + 1);
        Sys.Write(progress, " checks of zero: passed, no kernel fault\n"u8);
        return 0;
    }

    private static SyscallResult OneCall(nuint progress, nuint check)
    {
        ulong r = Next();
        nuint fd = Descriptor(r >> 8);
        if (fd == progress || fd == check) return Errno.EBADF;
        nuint buffer = Pointer(), length = Length();
        SyscallResult result;
        switch (r % 20)
        {
            case 0: case 1: return Open();
            case 2: result = Sys.Call(SyscallNumbers.Read, fd, buffer, length); break;
            case 3: result = Sys.Call(SyscallNumbers.Write, fd, buffer, length); break;
            case 4: result = Sys.Call(SyscallNumbers.Read2, fd, buffer, length, (nuint)Next(), (nuint)Next()); break;
            case 5: result = Sys.Call(SyscallNumbers.Write2, fd, buffer, length, (nuint)Next(), (nuint)Next()); break;
            case 6: result = Sys.Call(SyscallNumbers.Lseek, fd, (nuint)Number(), (nuint)((r >> 40) % 5)); break;
            case 7:
                result = Sys.Call(SyscallNumbers.Dup, fd, (r >> 40) % 2 == 0 ? 0 : buffer, (r >> 40) % 2 == 0 ? 0 : length);
                if (result.IsOk) Opened((nuint)result.Value);
                return result;
            case 8: result = Sys.Call(SyscallNumbers.Fstat, fd, buffer, length); break;
            case 9: result = Sys.Call(SyscallNumbers.Fpath, fd, buffer, length); break;
            case 10: result = Sys.Call(SyscallNumbers.Fsync, fd); break;
            case 11: result = Sys.Call(SyscallNumbers.Ftruncate, fd, (nuint)Number()); break;
            case 12: result = Sys.Call(SyscallNumbers.Fevent, fd, (nuint)Number()); break;
            case 13:
                // F_SETFL always keeps O_NONBLOCK: an event queue that lost it would block this process for good.
                ulong command = (r >> 40) % 6;
                ulong argument = command == 4 ? Next() | (ulong)OpenFlags.NonBlock : Number();
                result = Sys.Call(SyscallNumbers.Fcntl, fd, (nuint)command, (nuint)argument);
                break;
            case 14:
                ulong flags = (r >> 40) % 4 == 0 ? Next() & ~0xFFUL : ((r >> 42) % 4) << 9;     // garbage, or none/Write/Read/both
                result = Sys.Call(SyscallNumbers.Call, fd, buffer, length, (nuint)(flags | (r >> 48) % 6), Pointer());
                break;
            case 15: case 16:
                result = Sys.Call(SyscallNumbers.Close, fd);
                if (result.IsOk)
                {
                    s_open &= ~(1UL << (int)fd);
                    s_closed = fd;
                }
                return result;
            case 17: return Subscribe(fd, r);
            case 18: result = Sys.Call(SyscallNumbers.Read, fd, (nuint)(s_area + (r >> 40) % (Area - 4096)), (nuint)((r >> 52) % 4096)); break;
            default: result = Sys.Call(SyscallNumbers.Write, fd, (nuint)(s_area + (r >> 40) % (Area - 4096)), (nuint)((r >> 52) % 4096)); break;
        }
        return result;
    }

    /// <summary>open of a path from a list (the well-behaved drivers, kernel schemes, missing ones, creations) or of random memory.</summary>
    private static SyscallResult Open()
    {
        ulong r = Next();
        // A full table fills no further: close something first, so opens keep reaching the drivers.
        if (BitCount(s_open) > 40) CloseOne(r);
        ReadOnlySpan<byte> path;
        switch (r % 14)
        {
            case 0: path = "zero:"u8; break;
            case 1: path = "ramdisk:"u8; break;
            case 2: path = "/scheme/zero"u8; break;
            case 3: path = "/scheme/ramdisk/x"u8; break;
            case 4: path = "zero:no/such/path"u8; break;
            case 5: path = "event:"u8; break;
            case 6: path = "initfs:bin/usertest"u8; break;
            case 7: path = "nosuch:x"u8; break;
            case 8: path = ":fuzzed"u8; break;
            case 9: path = ":zero"u8; break;
            case 10: path = ":"u8; break;
            case 11: path = "ramdisk:\u00ff\u0000x"u8; break;
            default: path = default; break;
        }
        ulong flags = Next() & 0xFFFF_FFFF;
        if (path.SequenceEqual("event:"u8)) flags |= (ulong)OpenFlags.NonBlock;
        SyscallResult result;
        if (path.IsEmpty)
        {
            nuint pointer = Pointer(), length = Length();
            result = Sys.Call(SyscallNumbers.Open, pointer, length, (nuint)flags);
            // Random bytes that happened to read ":name" (with O_CREAT) made a scheme: it goes at once, as below.
            if (result.IsOk && *(byte*)pointer == (byte)':')
            {
                Sys.Close((nuint)result.Value);
                return result;
            }
        }
        else
        {
            byte* text = (byte*)(s_area + Area - 64);
            path.CopyTo(new Span<byte>(text, path.Length));
            result = Sys.Call(SyscallNumbers.Open, (nuint)text, (nuint)path.Length, (nuint)flags);
            // A scheme this process created is closed at once: a call into it would wait on this very process.
            if (result.IsOk && path[0] == (byte)':')
            {
                Sys.Close((nuint)result.Value);
                return result;
            }
        }
        if (result.IsOk) Opened((nuint)result.Value);
        return result;
    }

    private static SyscallResult Subscribe(nuint fd, ulong r)
    {
        // write(queue, Event[]) on an event queue (descriptor fd, if it is one), then a non-blocking read of it.
        Event* records = (Event*)(s_area + 1024);
        int n = 1 + (int)((r >> 40) % 3);
        for (int i = 0; i < n; i++)
        {
            records[i].Id = (r >> (44 + i)) % 8 == 0 ? Next() : Next() % 64;
            records[i].Flags = Next() % 4;
            records[i].Data = Next();
        }
        SyscallResult written = Sys.Call(SyscallNumbers.Write, fd, (nuint)records, (nuint)(n * sizeof(Event)));
        SyscallResult read = Sys.Call(SyscallNumbers.Read, fd, (nuint)(s_area + 2048), (nuint)(16 * sizeof(Event)));
        return written.IsError ? written : read;
    }

    private static bool ZeroStillReadsZeros(nuint check)
    {
        byte* bytes = (byte*)(s_area + Area - 4096 - 256);
        for (int i = 0; i < 200; i++) bytes[i] = 0xAA;
        SyscallResult read = Sys.Read(check, new Span<byte>(bytes, 100));
        if (read.IsError || read.Value != 100) return false;
        for (int i = 0; i < 100; i++)
        {
            if (bytes[i] != 0 || bytes[100 + i] != 0xAA) return false;
        }
        return true;
    }

    private static void Opened(nuint fd)
    {
        if (fd < 64) s_open |= 1UL << (int)fd;
    }

    private static void CloseOne(ulong r)
    {
        for (int i = 0; i < 64; i++)
        {
            int fd = (int)((r + (ulong)i) % 64);
            if ((s_open & (1UL << fd)) == 0) continue;
            Sys.Close((nuint)fd);
            s_open &= ~(1UL << fd);
            return;
        }
    }

    /// <summary>A descriptor: mostly one held, else any small number, the last one closed, or a huge one.</summary>
    private static nuint Descriptor(ulong r)
    {
        switch (r % 8)
        {
            case 5: return (nuint)((r >> 8) % 70);
            case 6: return s_closed;
            case 7: return (nuint)((r >> 8) % 2 == 0 ? Next() : ulong.MaxValue - (r >> 60));
            default:
                if (s_open == 0) return (nuint)((r >> 8) % 8);
                int start = (int)((r >> 8) % 64);
                for (int i = 0; i < 64; i++)
                {
                    int fd = (start + i) % 64;
                    if ((s_open & (1UL << fd)) != 0) return (nuint)fd;
                }
                return 0;
        }
    }

    /// <summary>A buffer: often valid scratch (any alignment, across its end), else of every bad kind.</summary>
    private static nuint Pointer()
    {
        ulong r = Next();
        switch (r % 12)
        {
            case 0: case 1: case 2: case 3: return (nuint)(s_area + (r >> 40) % Area);
            case 4: return (nuint)(s_area + Area - (r >> 58));                              // across the end of the scratch area
            case 5: return 0;
            case 6: return (nuint)(0xFFFF_FFFF_8010_0000UL + (r >> 44));                   // kernel text
            case 7: return (nuint)(0xFFFF_8000_0000_0000UL + (r >> 34));                   // the physical window
            case 8: return (nuint)(0x0000_8000_0000_0000UL + (r >> 20));                   // non-canonical
            case 9: return (nuint)(0x0000_7FFF_FFFF_F000UL + (r >> 52));                   // the page under the hole (never user memory)
            case 10: return (nuint)(0x0000_0200_0000_0000UL + (r >> 30));                  // the anonymous region, past what is mapped
            default: return (nuint)r;
        }
    }

    /// <summary>A length: small, around a page, powers of two up to 2^63, or 2^64-1.</summary>
    private static nuint Length()
    {
        ulong r = Next();
        switch (r % 8)
        {
            case 0: return 0;
            case 1: case 2: return (nuint)((r >> 8) % 256);
            case 3: return (nuint)(4090 + (r >> 8) % 12);
            case 4: return (nuint)(1UL << (int)(r >> 58));
            case 5: return unchecked((nuint)ulong.MaxValue);
            case 6: return (nuint)((r >> 8) % Area);
            default: return (nuint)(r >> (int)((r >> 2) % 64));
        }
    }

    private static ulong Number()
    {
        ulong r = Next();
        return (r % 4) switch { 0 => 0, 1 => (r >> 8) % 16, 2 => ulong.MaxValue - (r >> 60), _ => r };
    }

    private static int BitCount(ulong bits)
    {
        int n = 0;
        while (bits != 0) { bits &= bits - 1; n++; }
        return n;
    }

    private static int Failed(nuint progress, ReadOnlySpan<byte> what)
    {
        Sys.Write(progress, "usertest: check failed: "u8);
        Sys.Write(progress, what);
        Sys.Write(progress, "\n"u8);
        return 1;
    }

    private static void WriteNumber(nuint fd, ulong value)
    {
        byte* digits = stackalloc byte[20];
        int count = 0;
        do
        {
            digits[19 - count++] = (byte)('0' + value % 10);
            value /= 10;
        } while (value != 0);
        Sys.Write(fd, new ReadOnlySpan<byte>(digits + 20 - count, count));
    }

    private static ulong Next() => SeededRandom.Next();
}
