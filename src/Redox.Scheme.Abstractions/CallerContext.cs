using System.Runtime.CompilerServices;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// Who is calling (redox-scheme's <c>CallerCtx</c>): decoded from the request, passed to every operation
/// so a driver can check permissions. <c>uid</c>/<c>gid</c> come from <c>args[5]</c> on calls that carry them.
/// </summary>
public readonly struct CallerContext
{
    /// <summary>The calling process (context) id, <c>Sqe.caller</c>.</summary>
    public readonly ulong Pid;

    /// <summary>The caller's user id.</summary>
    public readonly uint Uid;

    /// <summary>The caller's group id.</summary>
    public readonly uint Gid;

    /// <summary>The request tag, unique among the scheme's requests in flight.</summary>
    public readonly uint Tag;

    /// <summary>A context with the given fields.</summary>
    public CallerContext(ulong pid, uint uid, uint gid, uint tag)
    {
        Pid = pid;
        Uid = uid;
        Gid = gid;
        Tag = tag;
    }

    /// <summary>Decodes the caller of <paramref name="request"/>: pid from <c>caller</c>, uid/gid from <c>args[5]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per request; ILC leaves it a call otherwise
    public static CallerContext FromRequest(in Sqe request)
        => new(request.Caller, (uint)request.Arg5, (uint)(request.Arg5 >> 32), request.Tag);

    /// <summary>True for the superuser (uid 0).</summary>
    public bool IsRoot => Uid == 0;
}
