using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>
/// A scheme protocol v2 response (Redox <c>schemev2::Cqe</c>), scheme to kernel: 16 bytes,
/// <c>repr(C)</c>. Bits 2:0 of <see cref="Flags"/> are the <see cref="CqeOpcode"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Cqe
{
    /// <summary><c>flags</c>: bits 2:0 are the <see cref="CqeOpcode"/>.</summary>
    public byte Flags;

    /// <summary><c>extra_raw</c>: 24 extra bits; byte 0 carries <see cref="NewFdFlags"/> on open-like answers.</summary>
    public fixed byte ExtraRaw[3];

    /// <summary><c>tag</c>: the request's tag; for <see cref="CqeOpcode.SendFevent"/>, the <see cref="EventFlags"/>.</summary>
    public uint Tag;

    /// <summary><c>result</c>: the muxed result (<see cref="SyscallResult"/>); for fevent posts, the handle id.</summary>
    public ulong Result;

    /// <summary>The response kind, from bits 2:0 of <see cref="Flags"/>.</summary>
    public readonly CqeOpcode Kind => (CqeOpcode)(Flags & 0x7);

    /// <summary>The <see cref="NewFdFlags"/> in <c>extra_raw[0]</c>.</summary>
    public readonly NewFdFlags NewFdFlags
    {
        get
        {
            fixed (byte* extra = ExtraRaw)
            {
                return (NewFdFlags)extra[0];
            }
        }
    }

    /// <summary>An ordinary answer (<c>RespondRegular</c>) to the request tagged <paramref name="tag"/>.</summary>
    public static Cqe Respond(uint tag, SyscallResult result)
    {
        Cqe cqe = default;
        cqe.Flags = (byte)CqeOpcode.RespondRegular;
        cqe.Tag = tag;
        cqe.Result = SyscallResult.Mux(result);
        return cqe;
    }

    /// <summary>An open-like answer: a new handle id with its <see cref="NewFdFlags"/> in <c>extra_raw[0]</c>.</summary>
    public static Cqe RespondOpen(uint tag, SyscallResult result, NewFdFlags flags)
    {
        Cqe cqe = Respond(tag, result);
        cqe.ExtraRaw[0] = (byte)flags;
        return cqe;
    }

    /// <summary>
    /// A readiness post (<c>SendFevent</c>, no request): <c>tag</c> = the <see cref="EventFlags"/>,
    /// <c>result</c> = the handle id, as redox-scheme's <c>Response::post_fevent</c> does.
    /// </summary>
    public static Cqe PostFevent(ulong handleId, EventFlags flags)
    {
        Cqe cqe = default;
        cqe.Flags = (byte)CqeOpcode.SendFevent;
        cqe.Tag = (uint)flags;
        cqe.Result = handleId;
        return cqe;
    }
}
