using System.Runtime.InteropServices;

namespace Redox.Conformance;

/// <summary>
/// What <see cref="ConformanceScheme"/> saw, as one fixed record: reading a handle opened on <c>conf:stats</c>
/// returns it (all fields little-endian 64-bit, in this order), so a client checks the driver's view through the
/// scheme itself. The caller fields describe the request that read the record.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ConformanceStats
{
    /// <summary>The size of the record in bytes.</summary>
    public const int Size = 16 * 8;

    /// <summary><c>CallerContext.Pid</c> of the request that read this record.</summary>
    public ulong CallerPid;

    /// <summary><c>CallerContext.Uid</c> of that request.</summary>
    public ulong CallerUid;

    /// <summary><c>CallerContext.Gid</c> of that request.</summary>
    public ulong CallerGid;

    /// <summary>Handles open now (every kind).</summary>
    public ulong OpenHandles;

    /// <summary>Handles created so far (opens and dups).</summary>
    public ulong Opens;

    /// <summary>Close messages so far (handles released).</summary>
    public ulong Closes;

    /// <summary>Dup messages so far.</summary>
    public ulong Dups;

    /// <summary>Fsync messages so far.</summary>
    public ulong Fsyncs;

    /// <summary>Cancel messages so far.</summary>
    public ulong Cancels;

    /// <summary>The tag of the last Cancel message (the cancelled request's tag).</summary>
    public ulong LastCancelTag;

    /// <summary>The flags of the last successful open of anything but <c>conf:stats</c>.</summary>
    public ulong LastOpenFlags;

    /// <summary>The command of the last fcntl.</summary>
    public ulong LastFcntlCommand;

    /// <summary>The argument of the last fcntl.</summary>
    public ulong LastFcntlArgument;

    /// <summary>Readiness posts (EVENT_READ) made so far.</summary>
    public ulong EventsPosted;

    /// <summary>Fevent messages so far.</summary>
    public ulong Fevents;

    /// <summary>Call messages so far.</summary>
    public ulong Calls;
}
