using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// Measures the driver whose scheme is its first argument from ring 3, through the kernel as any client reaches it:
/// a write and a read of 1 and of 64 bytes (the driver gives back what it was sent), in guest instructions per request
/// pair under -icount shift=0. The same operation and sizes as MyDriver.Benchmarks measures on the host.
/// </summary>
public static class Program
{
    /// <summary>0 when every figure was measured; 1 otherwise (the row says why).</summary>
    public static int Main()
    {
        // "<scheme>:" from the argument the image gives.
        ReadOnlySpan<byte> scheme = Process.Argument(1);
        if (scheme.IsEmpty || scheme.Length > 64)
        {
            Sys.Write(2, "bench: FAILED the first argument must name the driver's scheme\n"u8);
            return 1;
        }
        Span<byte> path = stackalloc byte[72];
        scheme.CopyTo(path);
        path[scheme.Length] = (byte)':';
        path = path.Slice(0, scheme.Length + 1);

        GuestBenchmark.PrintHeader();
        int status = 0;
        foreach (int bytes in stackalloc int[] { 1, 64 })
        {
            SyscallResult figure = GuestBenchmark.Measure(path, GuestOperation.WriteThenRead, bytes);
            GuestBenchmark.PrintRow(path, GuestOperation.WriteThenRead, bytes, figure);
            if (figure.IsError) status = 1;
        }
        return status;
    }
}
