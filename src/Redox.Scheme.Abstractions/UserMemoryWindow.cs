using System;
using System.Runtime.CompilerServices;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// Where request buffers may point. The kernel validates user pointers before it forwards a request
/// (EFAULT, never a fault), so a driver normally trusts them: <see cref="Unrestricted"/>. A hosted test or
/// fuzzer that feeds arbitrary requests sets a window, and every pointer outside it answers <c>EFAULT</c>.
/// </summary>
public readonly unsafe struct UserMemoryWindow
{
    /// <summary>First valid address; with <see cref="Length"/> 0, every non-null address is accepted.</summary>
    public readonly nuint Base;

    /// <summary>Bytes in the window; 0 means unrestricted.</summary>
    public readonly nuint Length;

    /// <summary>A window of <paramref name="length"/> bytes at <paramref name="baseAddress"/>.</summary>
    public UserMemoryWindow(nuint baseAddress, nuint length)
    {
        Base = baseAddress;
        Length = length;
    }

    /// <summary>Trust the kernel's validation (the default).</summary>
    public static UserMemoryWindow Unrestricted => default;

    /// <summary>
    /// Turns a (pointer, length) pair from a request into a span. Length over <see cref="int.MaxValue"/>:
    /// <c>EINVAL</c>; null pointer with a length, wrap-around, or outside the window: <c>EFAULT</c>.
    /// A zero length gives an empty span whatever the pointer.
    /// </summary>
    [NoAlloc]
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per buffered request; ILC leaves it a call otherwise
    public Errno TryGetSpan(ulong address, ulong length, out Span<byte> span)
    {
        span = default;
        if (length == 0)
        {
            return 0;
        }
        if (length > int.MaxValue)
        {
            return Errno.EINVAL;
        }
        // Null, or wrapping past the top: one unsigned compare says both (address - 1 wraps to the maximum for null;
        // address + length fits exactly when address <= ~length).
        if (address - 1 >= ~length)
        {
            return Errno.EFAULT;
        }
        if (Length != 0)
        {
            ulong start = Base;
            ulong end = start + Length;
            if (address < start || address + length > end)
            {
                return Errno.EFAULT;
            }
        }
        span = new Span<byte>((void*)(nuint)address, (int)length);
        return 0;
    }
}
