using System.Runtime.CompilerServices;
using System.Threading;

namespace Redox.Syscall.Io;

/// <summary>
/// Memory-mapped I/O by direct, volatile access to the address (Redox <c>Mmio&lt;T&gt;</c>): volatile so the
/// compiler neither caches, merges nor drops device accesses. The caller owns the mapping.
/// </summary>
public unsafe struct DirectMemoryIo : IMemoryIo
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Read8(nuint address) => Volatile.Read(ref *(byte*)address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort Read16(nuint address) => Volatile.Read(ref *(ushort*)address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Read32(nuint address) => Volatile.Read(ref *(uint*)address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read64(nuint address) => Volatile.Read(ref *(ulong*)address);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write8(nuint address, byte value) => Volatile.Write(ref *(byte*)address, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write16(nuint address, ushort value) => Volatile.Write(ref *(ushort*)address, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write32(nuint address, uint value) => Volatile.Write(ref *(uint*)address, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write64(nuint address, ulong value) => Volatile.Write(ref *(ulong*)address, value);
}
