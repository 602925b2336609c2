using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// A <see cref="Cqe"/> as its two 64-bit words (reinterpreted with <c>Unsafe.As</c>): the kernel's IPC paths hold
/// answers in this form because a <see cref="Cqe"/> local, with its fixed <c>ExtraRaw</c> buffer, makes ILC give the
/// method a stack cookie (a load, a store and a compare on every call; benchmarks/README.md).
/// </summary>
internal struct CqeWords
{
    /// <summary>Flags, <c>extra_raw</c> and tag.</summary>
    public ulong Head;

    /// <summary>The muxed result.</summary>
    public ulong Result;

    /// <summary>What <see cref="Cqe.Respond"/> builds, as words: an ordinary answer to <paramref name="tag"/> with <paramref name="errno"/>.</summary>
    public static CqeWords Respond(uint tag, Errno errno)
    {
        CqeWords words;
        words.Head = (ulong)tag << 32 | (byte)CqeOpcode.RespondRegular;   // flags in byte 0, the tag in bytes 4-7
        words.Result = SyscallResult.Mux(errno);
        return words;
    }
}
