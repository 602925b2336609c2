using System.Runtime;
using System.Runtime.CompilerServices;

/// <summary>
/// Native symbols the scenarios call: the test image's own stubs (<c>native/BootTestStubs.S</c>) and one CPU stub
/// the kernel exports (<c>redox_rdtsc</c>), bound by name as the kernel binds its own.
/// </summary>
internal static unsafe class TestNative
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "boot_test_read_cr4")] public static extern ulong ReadCr4();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "boot_test_load_ds")] public static extern void LoadDataSegment(ushort selector);
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "boot_test_gp_site_address")] public static extern ulong GeneralProtectionSite();
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_rdtsc")] public static extern ulong ReadTimestampCounter();
}
