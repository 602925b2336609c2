using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// An ordinary client of the hostile driver (<see cref="HostileScheme"/>): calls it in a loop with every routed call and
/// checks that what the kernel hands back keeps its shape whatever the driver answered: a read or fpath count never
/// exceeds the buffer (nor the kernel's 4 KiB cut), a new descriptor is a free one, readiness names only a descriptor
/// subscribed with its data, and no byte outside the buffer given changes (guard zones on both sides). Ends when the
/// scheme is gone (open answers ENODEV); a hang is the test's failure.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static unsafe class HostileClient
{
    private const int Guard = 64, Room = 8192;
    private const byte GuardByte = 0x5A;

    public static int Run()
    {
        SeededRandom.Seed(0x1234_5678_9ABC_DEF1UL ^ ((ulong)Process.Id << 32));
        byte* zone = stackalloc byte[Guard + Room + Guard];
        byte* buffer = zone + Guard;
        ulong* metadata = stackalloc ulong[3];
        SyscallResult queueOpened = Sys.Open("event:"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock);
        if (queueOpened.IsError) return Output.Fail("hostile client: open event:"u8);
        nuint queue = (nuint)queueOpened.Value;
        nuint handle = 0;
        ulong calls = 0, values = 0, errnos = 0, events = 0, subscribed = 0;
        while (true)
        {
            if (handle == 0)
            {
                SyscallResult opened = Sys.Open("hostile:file"u8, (OpenFlags)(uint)(Next() & 0x0FFF_0000) | OpenFlags.ReadWrite);
                calls++;
                if (opened.IsError)
                {
                    errnos++;
                    if (opened.Error == Errno.ENODEV) break;
                    continue;
                }
                if (!IsNew((nuint)opened.Value, queue, 0)) return Output.Fail("hostile client: open gave a descriptor in use"u8);
                values++;
                handle = (nuint)opened.Value;
                continue;
            }
            for (int i = 0; i < Guard + Room + Guard; i++) zone[i] = GuardByte;
            ulong r = Next();
            ulong length = (r >> 8) % 8 == 0 ? 4096 + (r >> 16) % 4096 : (r >> 16) % 600;
            ulong offset = (r >> 32) % 3 == 0 ? Next() : (r >> 40) % 8192;
            SyscallResult result;
            ulong limit = ulong.MaxValue;                  // the most a value may be (counts into the buffer)
            switch (r % 16)
            {
                case 0: case 1:
                    result = Sys.Call(SyscallNumbers.Read, handle, (nuint)buffer, (nuint)length);
                    limit = length < 4096 ? length : 4096;
                    break;
                case 2: result = Sys.Call(SyscallNumbers.Write, handle, (nuint)buffer, (nuint)length); break;
                case 3:
                    result = Sys.Call(SyscallNumbers.Read2, handle, (nuint)buffer, (nuint)length, (nuint)offset, (nuint)Next());
                    limit = length < 4096 ? length : 4096;
                    break;
                case 4: result = Sys.Call(SyscallNumbers.Write2, handle, (nuint)buffer, (nuint)length, (nuint)offset, (nuint)Next()); break;
                case 5: result = Sys.Call(SyscallNumbers.Fstat, handle, (nuint)buffer, (nuint)sizeof(Stat)); break;
                case 6:
                    result = Sys.Call(SyscallNumbers.Fpath, handle, (nuint)buffer, (nuint)length);
                    limit = length < 4096 ? length : 4096;
                    break;
                case 7: result = Sys.Call((r >> 20) % 2 == 0 ? SyscallNumbers.Fsync : SyscallNumbers.Ftruncate, handle, (nuint)offset); break;
                case 8: result = Sys.Call(SyscallNumbers.Fevent, handle, (nuint)(Next() & 3)); break;
                case 9:
                    ulong flags = ((r >> 20) % 4) << 9;          // none, CallFlags.Write, .Read, both
                    metadata[0] = Next(); metadata[1] = Next(); metadata[2] = Next();
                    result = Sys.Call(SyscallNumbers.Call, handle, (nuint)buffer, (nuint)length, (nuint)(flags | (r >> 24) % 4), (nuint)metadata);
                    break;
                case 10: result = Sys.Call(SyscallNumbers.Lseek, handle, (nuint)offset, (nuint)((r >> 20) % 3)); break;
                case 11:
                    result = Sys.Dup(handle, "copy"u8);
                    if (result.IsOk)
                    {
                        if (!IsNew((nuint)result.Value, queue, handle)) return Output.Fail("hostile client: dup gave a descriptor in use"u8);
                        Sys.Close((nuint)result.Value);
                    }
                    break;
                case 12:
                    // Subscribe the handle: readiness read back must name it, with its data.
                    Event subscription = new Event { Id = handle, Flags = 1 + (Next() & 1), Data = 0xDA7A_0000UL ^ handle };
                    result = Sys.Write(queue, new ReadOnlySpan<byte>(&subscription, sizeof(Event)));
                    subscribed |= 1UL << (int)handle;
                    break;
                case 13:
                    result = Sys.Read(queue, new Span<byte>(buffer, 4 * sizeof(Event)));
                    if (result.IsOk)
                    {
                        Event* got = (Event*)buffer;
                        for (ulong i = 0; i < result.Value / (ulong)sizeof(Event); i++)
                        {
                            // A descriptor subscribed once (it may be closed since: its last readiness can still be queued).
                            if (got[i].Id >= 64 || (subscribed & (1UL << (int)got[i].Id)) == 0 || got[i].Data != (0xDA7A_0000UL ^ got[i].Id))
                            {
                                return Output.Fail("hostile client: readiness for a descriptor not subscribed"u8);
                            }
                            events++;
                        }
                    }
                    break;
                case 14:
                    result = Sys.Close(handle);
                    handle = 0;
                    break;
                default:
                    result = Sys.Open("hostile:other"u8, OpenFlags.ReadOnly);
                    if (result.IsOk)
                    {
                        if (!IsNew((nuint)result.Value, queue, handle)) return Output.Fail("hostile client: open gave a descriptor in use"u8);
                        Sys.Close((nuint)result.Value);
                    }
                    else if (result.Error == Errno.ENODEV) handle = 0;          // gone: the reopen above ends the loop
                    break;
            }
            calls++;
            if (result.IsError) errnos++;
            else values++;
            if (result.IsOk && result.Value > limit) return Output.Fail("hostile client: a count larger than the buffer"u8);
            for (int i = 0; i < Guard; i++)
            {
                if (zone[i] != GuardByte || zone[Guard + Room + i] != GuardByte) return Output.Fail("hostile client: bytes outside the buffer changed"u8);
            }
            if (result.IsOk && limit != ulong.MaxValue)
            {
                for (ulong i = result.Value; i < length && i < Room; i++)
                {
                    if (buffer[i] != GuardByte) return Output.Fail("hostile client: bytes past the count changed"u8);
                }
            }
        }
        Output.Text("usertest: hostile client pid "u8);
        Output.Number((ulong)Process.Id);
        Output.Text(": "u8);
        Output.Number(calls);
        Output.Text(" calls, "u8);
        Output.Number(values);
        Output.Text(" values, "u8);
        Output.Number(errnos);
        Output.Text(" errnos, "u8);
        Output.Number(events);
        Output.Line(" events, every answer well-formed"u8);
        return 0;
    }

    /// <summary>A descriptor the kernel just gave: within the table and none of those held.</summary>
    private static bool IsNew(nuint fd, nuint queue, nuint handle) => fd > 2 && fd < 64 && fd != queue && fd != handle;

    private static ulong Next() => SeededRandom.Next();
}
