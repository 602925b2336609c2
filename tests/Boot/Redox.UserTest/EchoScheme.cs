using Redox.Runtime;
using Redox.Scheme;
using Redox.Syscall;

/// <summary>
/// The load test's driver, <c>echo:</c>: every SYS_CALL carries (client pid, sequence, op) and is answered with a value
/// only that request can have, so a client can tell its own answer from anyone else's; the driver counts each
/// client's requests and checks their sequence numbers arrive in order, once each (a lost or repeated request shows
/// as a gap or a repeat). A client's last call (op Done) carries how many answers it counted: the two counts must
/// agree. The driver ends after the number of clients it was told to expect have said done. It serves through
/// <see cref="SchemeDispatcher"/> (what <see cref="SchemeServer"/> runs) in its own loop, so it can replay answers.
/// </summary>
public sealed class EchoScheme : SchemeBase
{
    /// <summary>Op of an ordinary request.</summary>
    public const ulong Echo = 0;

    /// <summary>Op of a client's last call: payload[1] is the answers it counted.</summary>
    public const ulong Done = 1;

    /// <summary>Payload bytes: pid, sequence, op (answered as pid, sequence, <see cref="Expected"/>).</summary>
    public const int PayloadBytes = 24;

    private const int MaxPid = 256;
    private readonly ulong[] _requests = new ulong[MaxPid];
    private readonly int _clients;
    private int _done;

    /// <summary>A driver that ends after <paramref name="clients"/> clients said done.</summary>
    public EchoScheme(int clients) => _clients = clients;

    /// <summary>True once every expected client said done.</summary>
    public bool Finished => _done >= _clients;

    /// <summary>Requests served, all clients.</summary>
    public ulong Total { get; private set; }

    /// <summary>Requests that broke the rules (wrong pid, sequence out of order, counts that disagree).</summary>
    public ulong Mismatches { get; private set; }

    /// <summary>The third payload word of the answer to (pid, sequence): a value no other request's answer has.</summary>
    public static ulong Expected(ulong pid, ulong sequence) => (sequence * 0x9E37_79B9_7F4A_7C15UL) ^ (pid << 56) ^ 0xEC40;

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(caller.Pid);

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller) => SyscallResult.Ok(0);

    /// <inheritdoc/>
    public override SyscallResult Call(ulong id, Span<byte> payload, ReadOnlySpan<byte> metadata, in CallerContext caller)
    {
        if (payload.Length != PayloadBytes || caller.Pid >= MaxPid) return Errno.EINVAL;
        ulong pid = Word(payload, 0), sequence = Word(payload, 1), op = Word(payload, 2);
        if (pid != caller.Pid)
        {
            Mismatches++;
            return Errno.EPERM;
        }
        if (op == Done)
        {
            _done++;
            if (sequence != _requests[(int)pid]) Mismatches++;
            Report(pid, sequence);
            return sequence == _requests[(int)pid] ? SyscallResult.Ok(_requests[(int)pid]) : Errno.EIO;
        }
        // The sequence must be the next one of this client: a lost request leaves a gap, a repeated one a repeat.
        if (sequence != _requests[(int)pid]) Mismatches++;
        _requests[(int)pid]++;
        Total++;
        SetWord(payload, 2, Expected(pid, sequence));
        return SyscallResult.Ok(sequence + 1);
    }

    private static void Report(ulong pid, ulong counted)
    {
        Output.Text("usertest: echo: pid "u8);
        Output.Number(pid);
        Output.Text(" counted "u8);
        Output.Number(counted);
        Output.Line(" answers"u8);
    }

    private static unsafe ulong Word(ReadOnlySpan<byte> bytes, int index)
    {
        fixed (byte* p = bytes) return ((ulong*)p)[index];
    }

    private static unsafe void SetWord(Span<byte> bytes, int index, ulong value)
    {
        fixed (byte* p = bytes) ((ulong*)p)[index] = value;
    }

    /// <summary>
    /// The daemon: creates <c>echo:</c>, serves until <paramref name="clientsText"/> clients said done, reports the counts.
    /// With <paramref name="mode"/> <c>replay</c> it also writes each batch's answers a second time, late: after the next
    /// batch was read, so their slots may carry new calls by then (a stale tag, which must reach no one).
    /// </summary>
    public static unsafe int Serve(ReadOnlySpan<byte> clientsText, ReadOnlySpan<byte> mode)
    {
        var scheme = new EchoScheme((int)Output.Parse(clientsText, 8));
        bool replay = mode.SequenceEqual("replay"u8);
        SyscallResult socket = SchemeServer.CreateSocket(":echo"u8);
        if (socket.IsError) return Output.Fail("create :echo"u8);
        Sqe* requests = stackalloc Sqe[16];
        Cqe* answers = stackalloc Cqe[16];
        Cqe* previous = stackalloc Cqe[16];
        int answered = 0, replayed = 0;
        ulong replays = 0;
        while (!scheme.Finished)
        {
            SyscallResult read = Sys.Read((nuint)socket.Value, new Span<byte>(requests, 16 * sizeof(Sqe)));
            if (read.IsError || read.Value == 0) return Output.Fail("echo: its socket failed"u8);
            if (replay && replayed > 0)
            {
                Sys.Write((nuint)socket.Value, new ReadOnlySpan<byte>(previous, replayed * sizeof(Cqe)));
                replays += (ulong)replayed;
            }
            answered = 0;
            for (int i = 0; i < (int)(read.Value / (ulong)sizeof(Sqe)); i++)
            {
                if (SchemeDispatcher.Dispatch(scheme, in requests[i], default, out Cqe answer)) answers[answered++] = answer;
            }
            if (answered > 0) Sys.Write((nuint)socket.Value, new ReadOnlySpan<byte>(answers, answered * sizeof(Cqe)));
            for (int i = 0; i < answered; i++) previous[i] = answers[i];
            replayed = answered;
        }
        Output.Text("usertest: echo served "u8);
        Output.Number(scheme.Total);
        Output.Text(" requests from "u8);
        Output.Number((ulong)scheme._clients);
        Output.Text(" clients, "u8);
        Output.Number(scheme.Mismatches);
        Output.Text(" lost, repeated or misrouted"u8);
        if (replay)
        {
            Output.Text("; "u8);
            Output.Number(replays);
            Output.Text(" stale answers replayed"u8);
        }
        Output.Line(""u8);
        return scheme.Mismatches == 0 ? 0 : 1;
    }

    /// <summary>
    /// A client: <paramref name="countText"/> calls (0: until <c>hostile:</c> is gone, probing it every 256), each answer
    /// checked to be this call's own; then Done with the answers counted, which the driver must confirm.
    /// </summary>
    public static unsafe int Client(ReadOnlySpan<byte> countText)
    {
        ulong count = Output.Parse(countText, 10_000);
        SyscallResult opened = Sys.Open("echo:"u8, OpenFlags.ReadWrite);
        if (opened.IsError) return Output.Fail("open echo:"u8);
        nuint fd = (nuint)opened.Value;
        ulong pid = (ulong)Process.Id;
        ulong* payload = stackalloc ulong[5];
        ulong answers = 0;
        for (ulong sequence = 0; count == 0 || sequence < count; sequence++)
        {
            if (count == 0 && (sequence & 0xFF) == 0xFF && HostileGone()) break;
            payload[0] = 0xC0FFEE;                   // guard word before the payload
            payload[1] = pid;
            payload[2] = sequence;
            payload[3] = Echo;
            payload[4] = 0xC0FFEE;                   // and after it
            SyscallResult answer = Sys.SchemeCall(fd, new Span<byte>(payload + 1, PayloadBytes), CallFlags.Write | CallFlags.Read, default(ReadOnlySpan<ulong>));
            if (answer.IsError || answer.Value != sequence + 1 || payload[1] != pid || payload[2] != sequence ||
                payload[3] != Expected(pid, sequence) || payload[0] != 0xC0FFEE || payload[4] != 0xC0FFEE)
            {
                Output.Text("usertest: check failed: echo answer "u8);
                Output.Number(sequence);
                Output.Text(" of pid "u8);
                Output.Number(pid);
                Output.Line(" is not its own"u8);
                return 1;
            }
            answers++;
        }
        payload[1] = pid;
        payload[2] = answers;
        payload[3] = Done;
        SyscallResult agreed = Sys.SchemeCall(fd, new Span<byte>(payload + 1, PayloadBytes), CallFlags.Write | CallFlags.Read, default(ReadOnlySpan<ulong>));
        if (agreed.IsError || agreed.Value != answers) return Output.Fail("echo: the driver's count differs from the client's"u8);
        Output.Text("usertest: echo client pid "u8);
        Output.Number(pid);
        Output.Text(": "u8);
        Output.Number(answers);
        Output.Line(" answers, all its own, the driver agrees"u8);
        return 0;
    }

    /// <summary>Whether <c>hostile:</c> is gone (ENODEV; the hostile driver never answers ENODEV itself).</summary>
    private static bool HostileGone()
    {
        SyscallResult probe = Sys.Open("hostile:probe"u8, OpenFlags.ReadOnly);
        if (probe.IsOk) Sys.Close((nuint)probe.Value);
        return probe.IsError && probe.Error == Errno.ENODEV;
    }
}
