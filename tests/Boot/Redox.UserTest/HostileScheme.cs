using Redox.Syscall;

/// <summary>
/// The driver-side fuzzer: a hostile driver of <c>hostile:</c> that answers with random responses, seeded and
/// repeatable. It answers its calls with random results (values, errnos, counts larger than the buffer, negative
/// non-errnos), garbage flag bits and extra bytes, unknown CQE kinds; it sends answers twice, late (after the slot
/// was reused), with forged tags and stale generations; posts readiness for random handles; writes random byte counts
/// (not multiples of 16, huge) from random pointers to its socket; reads its socket into memory not its own; and
/// defers answers, answering out of order. Every
/// call is answered in the end (when the socket runs dry, deferred calls get a random answer with the right tag), so
/// its clients make progress; after <c>count</c> random responses it ends, and its clients see EIO, then ENODEV.
/// It never answers ENODEV itself, so a client can tell the scheme is gone.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static unsafe class HostileScheme
{
    private const int MaxPending = 64, MaxRecent = 32, Batch = 16;
    private const ulong UnmappedPage = 0x0000_6FFF_0000_0000;   // a user address (inside the user half) nothing maps
    private static ulong s_sent, s_regular, s_kinds, s_forged, s_fevents, s_garbage, s_flushes, s_badReads, s_socketCalls, s_badBlockingReads;
    private static int s_pending, s_recent;
    private static Sqe* s_pendingCalls;
    private static uint* s_recentTags;
    private static ulong s_buffers;

    public static int Serve(ReadOnlySpan<byte> countText)
    {
        ulong target = Output.Parse(countText, 1_000_000);
        SeededRandom.Seed(0xD1B5_4A32_D192_ED03);
        SyscallResult opened = Sys.Open(":hostile"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.NonBlock);
        if (opened.IsError) return Output.Fail("create :hostile"u8);
        nuint socket = (nuint)opened.Value;
        Sqe* requests = stackalloc Sqe[Batch];
        Sqe* pending = stackalloc Sqe[MaxPending];
        uint* recent = stackalloc uint[MaxRecent];
        Cqe* answers = stackalloc Cqe[40];
        s_pendingCalls = pending;
        s_recentTags = recent;
        while (s_sent < target)
        {
            SyscallResult read = Sys.Read(socket, new Span<byte>(requests, Batch * sizeof(Sqe)));
            if (read.IsError && read.Error == Errno.EAGAIN)
            {
                if (s_pending > 0)
                {
                    // Nothing new: every deferred call gets a (random) answer with its right tag, so no client waits forever.
                    s_flushes++;
                    while (s_pending > 0)
                    {
                        AnswerPending(answers, s_pending - 1, regular: true);
                        Send(socket, answers, 1);
                    }
                    continue;
                }
                Sys.Fcntl(socket, FcntlCommand.SetFl, 0);
                if (Next() % 4 == 0)
                {
                    // Wait for requests into an unmapped page: the call the kernel hands over as the driver waits cannot
                    // be copied there (EFAULT), and must come with the next good read, not be lost.
                    SyscallResult bad = Sys.Call(SyscallNumbers.Read, socket, unchecked((nuint)UnmappedPage), (nuint)(Batch * sizeof(Sqe)));
                    if (!bad.IsError || bad.Error != Errno.EFAULT) return Output.Fail("hostile: a blocking read into an unmapped page was not EFAULT"u8);
                    s_badBlockingReads++;
                }
                read = Sys.Read(socket, new Span<byte>(requests, Batch * sizeof(Sqe)));
                Sys.Fcntl(socket, FcntlCommand.SetFl, (ulong)OpenFlags.NonBlock);
            }
            if (read.IsError || read.Value == 0) return Output.Fail("hostile: reading its socket failed"u8);
            int n = (int)(read.Value / (ulong)sizeof(Sqe));
            for (int i = 0; i < n; i++)
            {
                Learn(requests[i]);
                if ((requests[i].Flags & SqeFlags.OneWay) != 0) Remember(requests[i].Tag);       // close/cancel: its tag is stale at once
                else if (s_pending < MaxPending) pending[s_pending++] = requests[i];
                else
                {
                    Regular(answers, requests[i]);
                    Send(socket, answers, 1);
                }
            }
            int actions = 1 + (int)(Next() % 8);
            for (int i = 0; i < actions; i++) Act(socket, answers);
        }
        Output.Text("usertest: hostile driver sent "u8);
        Output.Number(s_sent);
        Output.Text(" random responses ("u8);
        Output.Number(s_regular);
        Output.Text(" answers, "u8);
        Output.Number(s_kinds);
        Output.Text(" of other kinds, "u8);
        Output.Number(s_forged);
        Output.Text(" forged/stale/repeated, "u8);
        Output.Number(s_fevents);
        Output.Text(" readiness posts, "u8);
        Output.Number(s_garbage);
        Output.Text(" garbage writes, "u8);
        Output.Number(s_flushes);
        Output.Text(" flushes of deferred calls), "u8);
        Output.Number(s_badReads);
        Output.Text(" bad reads of its socket, "u8);
        Output.Number(s_socketCalls);
        Output.Text(" bad socket calls, "u8);
        Output.Number(s_badBlockingReads);
        Output.Line(" blocking reads into an unmapped page"u8);
        return 0;
    }

    /// <summary>One random deed: answer (well or badly), repeat, forge, post, write garbage, or defer.</summary>
    private static void Act(nuint socket, Cqe* answers)
    {
        ulong r = Next();
        int index = s_pending == 0 ? -1 : (int)((r >> 32) % (ulong)s_pending);
        switch (r % 16)
        {
            case 0: case 1: case 2: case 3: case 4: case 5:
                if (index < 0) break;
                AnswerPending(answers, index, regular: (r % 16) != 5);
                Send(socket, answers, 1);
                break;
            case 6:
                // Answered twice in one write: the second must be dropped.
                if (index >= 0)
                {
                    AnswerPending(answers, index, regular: true);
                    answers[1] = answers[0];
                    answers[1].Result = Next();
                    Send(socket, answers, 2);
                }
                break;
            case 7: case 8:
                Forged(answers, r);
                Send(socket, answers, 1);
                break;
            case 9:
                answers[0] = default;
                answers[0].Flags = (byte)((byte)CqeOpcode.SendFevent | (Next() & 0xF8));
                answers[0].Result = (r >> 40) % 4 == 0 ? Next() : (r >> 44) % 8;        // a handle id, often a real one
                answers[0].Tag = (uint)(Next() >> (int)(r >> 58));                      // EVENT_* flags, and garbage
                s_fevents++;
                Send(socket, answers, 1);
                break;
            case 10:
                Garbage(socket, answers, r);
                break;
            case 11:
                // A long batch: several answers, forgeries and posts in one write (the kernel takes 16 at a time).
                int count = 2 + (int)((r >> 40) % 38);
                for (int i = 0; i < count; i++)
                {
                    ulong pick = Next();
                    if (pick % 3 == 0 && s_pending > 0) AnswerPending(answers + i, (int)((pick >> 32) % (ulong)s_pending), pick % 5 != 0);
                    else Forged(answers + i, pick);
                }
                Send(socket, answers, count);
                break;
            case 12:
                // A read of its requests into memory that is not its own, or too short for one: refused, nothing lost.
                ulong pointer = (r >> 40) % 3 == 0 ? 0xFFFF_8000_0000_0000UL + (r >> 24) : (r >> 40) % 3 == 1 ? 0x0000_8000_0000_0000UL : 0x10;
                ulong length = (r >> 44) % 2 == 0 ? (r >> 48) % 64 : 64UL << (int)((r >> 50) % 8);
                if (pointer == 0x10 && length >= 64) length = 63;
                Sys.Call(SyscallNumbers.Read, socket, (nuint)pointer, (nuint)length);
                s_badReads++;
                break;
            case 13:
                SocketCalls(socket, answers, r, index);
                break;
            default:
                break;                                                                   // defer: answer later
        }
    }

    /// <summary>Answers pending call <paramref name="index"/> (it leaves the list) into *<paramref name="answer"/>.</summary>
    private static void AnswerPending(Cqe* answer, int index, bool regular)
    {
        Sqe call = s_pendingCalls[index];
        s_pendingCalls[index] = s_pendingCalls[--s_pending];
        Remember(call.Tag);
        if (regular)
        {
            Regular(answer, call);
            return;
        }
        // An unknown or unsupported kind (the kernel answers the call EOPNOTSUPP).
        *answer = default;
        byte kind = (byte)(1 + Next() % 7);
        if (kind == (byte)CqeOpcode.SendFevent) kind = 7;
        answer->Flags = (byte)(kind | (Next() & 0xF8));
        answer->Tag = call.Tag;
        answer->Result = Next();
        s_kinds++;
    }

    /// <summary>A regular answer to <paramref name="call"/> with a random result, garbage flag bits and extra bytes; fills its buffer with noise first.</summary>
    private static void Regular(Cqe* answer, in Sqe call)
    {
        ulong r = Next();
        // The call's buffer (args 1/2 on descriptor calls) is this driver's own slot buffer: scribble on it, sometimes past its length.
        if ((call.Opcode == Opcode.Read || call.Opcode == Opcode.Fpath || call.Opcode == Opcode.Fstat || call.Opcode == Opcode.Call)
            && s_buffers != 0 && call.Arg1 == s_buffers + (call.Tag & 0xFF) * 4096 && call.Arg2 <= 4096)
        {
            ulong bytes = (r & 0x30) == 0 ? 4096 : call.Arg2;
            byte* buffer = (byte*)call.Arg1;
            for (ulong i = 0; i < bytes; i++) buffer[i] = (byte)(r >> (int)(i % 56));
        }
        *answer = default;
        answer->Flags = (byte)((r & 0x300) == 0 ? (Next() & 0xF8) : 0);                   // kind RespondRegular, garbage above it
        if ((r & 0xC00) == 0) answer->ExtraRaw[0] = (byte)Next();                      // random NewFdFlags (positioned or not)
        answer->Tag = call.Tag;
        answer->Result = Result(r >> 12, call);
        s_regular++;
    }

    /// <summary>A random result: 0, small, the asked length ±1, huge, an errno (never ENODEV), a negative non-errno, -1, 2^63.</summary>
    private static ulong Result(ulong r, in Sqe call)
    {
        switch (r % 8)
        {
            case 0: return 0;
            case 1: return (r >> 8) % 64;
            case 2: return call.Arg2 + (r >> 8) % 3 - 1;
            case 3: return (r >> 8) >> (int)((r >> 3) % 56);
            case 4:
                ulong errno = 1 + (r >> 8) % 4095;
                if (errno == (ulong)Errno.ENODEV) errno = (ulong)Errno.EIO;
                return 0 - errno;
            case 5: return 0 - (4096 + (r >> 16));
            case 6: return ulong.MaxValue;
            default: return 1UL << 63;
        }
    }

    /// <summary>A response with a tag of no call waiting: a random tag, a repeated or stale one, or a slot past the table.</summary>
    private static void Forged(Cqe* answer, ulong r)
    {
        *answer = default;
        answer->Flags = (byte)(Next() & 0xF8);
        answer->Result = Next();
        uint tag;
        switch ((r >> 8) % 5)
        {
            case 0: tag = (uint)Next(); break;
            case 1: tag = s_recent == 0 ? 0 : s_recentTags[(r >> 16) % (ulong)(s_recent < MaxRecent ? s_recent : MaxRecent)]; break;
            case 2:
                tag = s_recent == 0 ? 0 : s_recentTags[(r >> 16) % (ulong)(s_recent < MaxRecent ? s_recent : MaxRecent)];
                tag += 1u << 8;                                                          // the same slot's next generation
                break;
            case 3: tag = (uint)(32 + (r >> 16) % 224) | (uint)(r >> 32) << 8; break; // a slot the table does not have
            default: tag = 0; break;
        }
        answer->Tag = tag;
        s_forged++;
    }

    /// <summary>Raw bytes to the socket: a length that is no multiple of 16, huge, or from a bad pointer.</summary>
    private static void Garbage(nuint socket, Cqe* answers, ulong r)
    {
        ulong forged = s_forged;
        for (int i = 0; i < 4; i++) Forged(answers + i, Next());
        s_forged = forged;                                   // counted as one garbage write, not as answers
        ulong pointer, length;
        switch ((r >> 8) % 8)
        {
            case 0: pointer = (ulong)answers; length = 1 + (r >> 16) % 63; break;                // not a multiple of 16
            case 1: pointer = (ulong)answers; length = 16UL << (int)((r >> 16) % 60); break;     // huge, starts valid
            case 2: pointer = 0; length = 16; break;
            case 3: pointer = 0xFFFF_8000_0000_0000UL + (r >> 20); length = 64; break;           // the kernel's
            case 4: pointer = 0x0000_8000_0000_0000UL + (r >> 24); length = 32; break;           // non-canonical
            case 5: pointer = (ulong)answers + 1; length = 48; break;                             // misaligned
            case 6: pointer = 0x0000_7FFF_FFFF_FFF0UL; length = 32; break;                       // across the top
            default: pointer = Next(); length = Next(); break;
        }
        Sys.Call(SyscallNumbers.Write, (nuint)socket, (nuint)pointer, (nuint)length);
        s_garbage++;
        s_sent++;
    }

    /// <summary>
    /// The answer-then-read socket call (SocketCall.AnswerThenRead) misused: unknown operations, wrong flags or word
    /// counts, metadata and answers in memory not its own, answers that are no whole records; or a real answer with a
    /// request buffer the kernel must refuse (the answer is delivered, the queued requests stay queued).
    /// </summary>
    private static void SocketCalls(nuint socket, Cqe* answers, ulong r, int index)
    {
        ulong* words = stackalloc ulong[3];
        words[0] = SocketCall.AnswerThenRead;
        words[1] = (ulong)answers;
        words[2] = (ulong)sizeof(Cqe);
        ulong requests = 0xFFFF_8000_0000_0000UL + (r >> 24), length = 64, flags = (ulong)CallFlags.Read | 3, metadata = (ulong)words;
        switch ((r >> 8) % 8)
        {
            case 0: words[0] = Next(); break;                                                // unknown operation
            case 1: flags = Next() & 0xFFFF; break;                                          // wrong flags or count
            case 2: metadata = 0xFFFF_8000_0000_0000UL + (r >> 20); break;                   // the kernel's
            case 3: words[1] = 0x0000_8000_0000_0000UL + (r >> 24); break;                   // non-canonical answers
            case 4: words[2] = 1 + (r >> 16) % 47; break;                                    // no whole records
            case 5: words[2] = 16UL << (int)((r >> 16) % 60); break;                         // huge
            default:
                // A real answer, then a request buffer that is the kernel's or too short: the answer must arrive.
                if (index < 0) return;
                AnswerPending(answers, index, regular: true);
                if ((r >> 12) % 2 == 0) { requests = (ulong)answers; length = (r >> 16) % 64; }
                s_sent++;
                break;
        }
        // Of what has no metadata fault of its own, a third goes through SYS_ANSWER_THEN_READ (the same words in
        // registers) and a third through SYS_ANSWER_ONE_THEN_READ (the answer's own two words in registers: the real
        // one, or a forged one where the answers in memory were the fault).
        ulong way = (r >> 4) % 3;
        if ((r >> 8) % 8 >= 3 && way == 0)
            Sys.Call(SyscallNumbers.AnswerThenRead, socket, (nuint)requests, (nuint)length, (nuint)words[1], (nuint)words[2]);
        else if ((r >> 8) % 8 >= 3 && way == 1)
        {
            if ((r >> 8) % 8 < 6) Forged(answers, Next());
            Sys.Call(SyscallNumbers.AnswerOneThenRead, socket, (nuint)requests, (nuint)length, (nuint)((ulong*)answers)[0], (nuint)((ulong*)answers)[1]);
        }
        else Sys.Call(SyscallNumbers.Call, socket, (nuint)requests, (nuint)length, (nuint)flags, (nuint)metadata);
        s_socketCalls++;
    }

    /// <summary>
    /// The kernel's call buffers, learned from the first open (its path is in slot buffer tag &amp; 0xFF): a call's args 1/2
    /// point into them only when the kernel put its buffer there (a SYS_CALL without flags passes the client's raw words).
    /// </summary>
    private static void Learn(in Sqe request)
    {
        if (s_buffers == 0 && request.Opcode == Opcode.Open && request.Arg0 != 0) s_buffers = request.Arg0 - (request.Tag & 0xFF) * 4096;
    }

    private static void Send(nuint socket, Cqe* answers, int count)
    {
        Sys.Write(socket, new ReadOnlySpan<byte>(answers, count * sizeof(Cqe)));
        s_sent += (ulong)count;
    }

    private static void Remember(uint tag) => s_recentTags[s_recent++ % MaxRecent] = tag;

    private static ulong Next() => SeededRandom.Next();
}
