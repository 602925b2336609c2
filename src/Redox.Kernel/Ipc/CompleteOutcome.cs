namespace Redox.Kernel.Ipc;

/// <summary>What became of one response a driver wrote (see <see cref="SchemeCallTable{TWaiter}.Complete"/>).</summary>
public enum CompleteOutcome : byte
{
    /// <summary>It answered a call in flight: its client is to be woken.</summary>
    Answered,
    /// <summary>Its tag names no call the driver was given (never issued, already answered, or from an earlier use of the slot): dropped.</summary>
    UnknownTag,
}
