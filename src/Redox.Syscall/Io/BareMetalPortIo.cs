using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Redox.Syscall.Io;

/// <summary>
/// Port I/O on the real machine: each member is a direct call to a tiny assembly stub linked into the
/// image (<c>redox_pio_in8</c>: <c>mov dx, di; in al, dx; ret</c>, and so on). The stubs are declared
/// with <c>[DllImport("*")]</c>, which ILC binds statically to a symbol of the image (no loader, no
/// indirection). Never call this on the host: the symbols do not exist there (EntryPointNotFoundException);
/// tests use <c>Redox.Testing.HostedPortIo</c>. In ring 3 the TSS I/O bitmap must grant the ports.
/// </summary>
public struct BareMetalPortIo : IPortIo
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte In8(ushort port) => redox_pio_in8(port);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort In16(ushort port) => redox_pio_in16(port);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint In32(ushort port) => redox_pio_in32(port);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Out8(ushort port, byte value) => redox_pio_out8(port, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Out16(ushort port, ushort value) => redox_pio_out16(port, value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Out32(ushort port, uint value) => redox_pio_out32(port, value);

    // The stub symbols. Names are the contract with the boot/stub assembly of the image.
    [DllImport("*", ExactSpelling = true)]
    private static extern byte redox_pio_in8(ushort port);

    [DllImport("*", ExactSpelling = true)]
    private static extern ushort redox_pio_in16(ushort port);

    [DllImport("*", ExactSpelling = true)]
    private static extern uint redox_pio_in32(ushort port);

    [DllImport("*", ExactSpelling = true)]
    private static extern void redox_pio_out8(ushort port, byte value);

    [DllImport("*", ExactSpelling = true)]
    private static extern void redox_pio_out16(ushort port, ushort value);

    [DllImport("*", ExactSpelling = true)]
    private static extern void redox_pio_out32(ushort port, uint value);
}
