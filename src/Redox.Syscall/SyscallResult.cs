using System.Runtime.CompilerServices;

namespace Redox.Syscall;

/// <summary>
/// A system-call or scheme result in Redox's muxed form: one 64-bit word that is either a value or
/// <c>-errno</c>, the top <see cref="AbiLimits.MaxErrno"/> values of <c>usize</c> being errors.
/// This is Redox's <c>Error::mux</c>/<c>Error::demux</c> as a value type: errors are values, nothing throws.
/// </summary>
public readonly struct SyscallResult
{
    /// <summary>The muxed word exactly as it travels in a register or in <see cref="Cqe.Result"/>.</summary>
    public readonly ulong Raw;

    private SyscallResult(ulong raw)
    {
        Raw = raw;
    }

    /// <summary>True when <see cref="Raw"/> lies in the error range <c>[-MAX_ERRNO, -1]</c>.</summary>
    public bool IsError
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Raw > ulong.MaxValue - AbiLimits.MaxErrno;
    }

    /// <summary>True when this is a value, not an error.</summary>
    public bool IsOk
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => !IsError;
    }

    /// <summary>The value; 0 when <see cref="IsError"/>.</summary>
    public ulong Value => IsError ? 0 : Raw;

    /// <summary>The error number; 0 (no error) when <see cref="IsOk"/>.</summary>
    public Errno Error => IsError ? (Errno)(int)(0 - Raw) : 0;

    /// <summary>A success carrying <paramref name="value"/>. Values in the error range read back as errors, as in Redox.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Ok(ulong value) => new(value);

    /// <summary>A failure carrying <paramref name="errno"/>, muxed as <c>-errno</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Err(Errno errno) => new(0 - (ulong)(uint)errno);

    /// <summary>Redox <c>Error::demux</c>: reads a raw word (register or <see cref="Cqe.Result"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Demux(ulong raw) => new(raw);

    /// <summary>Redox <c>Error::mux</c>: the raw word to put in a register or <see cref="Cqe.Result"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mux(SyscallResult result) => result.Raw;

    /// <summary>Lets a driver write <c>return Errno.EBADF;</c>.</summary>
    public static implicit operator SyscallResult(Errno errno) => Err(errno);

    /// <summary>Gets the value when this is a success.</summary>
    /// <param name="value">The value, or 0 on error.</param>
    /// <returns>True on success.</returns>
    public bool TryGetValue(out ulong value)
    {
        value = Value;
        return !IsError;
    }
}
