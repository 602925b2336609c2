using System.Runtime.InteropServices;

namespace Redox.Syscall;

/// <summary>A time (Redox <c>data::TimeSpec</c>, <c>repr(C)</c>, 16 bytes): futimens, clock_gettime, nanosleep.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TimeSpec
{
    /// <summary><c>tv_sec</c>: seconds.</summary>
    public long Seconds;
    /// <summary><c>tv_nsec</c>: nanoseconds (0..999 999 999).</summary>
    public int Nanoseconds;
}
