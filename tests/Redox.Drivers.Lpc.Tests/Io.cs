using System.Text;
using Redox.Syscall;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>Small client helpers for tests (host side).</summary>
internal static class Io
{
    public static nuint Open(string path, OpenFlags flags = OpenFlags.ReadWrite)
    {
        var r = Sys.Open(Encoding.ASCII.GetBytes(path), flags);
        Xunit.Assert.False(r.IsError, $"open {path}: {r.Error}");
        return (nuint)r.Value;
    }

    public static string ReadText(nuint fd)
    {
        var buffer = new byte[16384];
        var r = Sys.ReadAt(fd, buffer, 0);
        Xunit.Assert.False(r.IsError, $"read: {r.Error}");
        return Encoding.ASCII.GetString(buffer, 0, (int)r.Value);
    }

    public static SyscallResult WriteText(nuint fd, string text) => Sys.Write(fd, Encoding.ASCII.GetBytes(text));
}
