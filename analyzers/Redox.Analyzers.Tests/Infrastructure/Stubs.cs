namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>
/// Minimal stand-ins for the Redox types the analyzers recognise by full name, so tests do not
/// depend on the packages other teams are writing. Shapes follow src/Redox.Syscall and
/// src/Redox.Scheme.Abstractions: handlers return SyscallResult, which converts from Errno.
/// </summary>
internal static class Stubs
{
    /// <summary>File name of the stub source in test compilations.</summary>
    internal const string FileName = "/0/RedoxStubs.cs";

    /// <summary>The stub source.</summary>
    internal const string Source = """
        namespace Redox
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class NoAllocAttribute : System.Attribute { }
        }

        namespace Redox.Syscall
        {
            public enum Errno { EPERM = 1, ENOENT = 2, EIO = 5, EBADF = 9, EACCES = 13, EFAULT = 14, EINVAL = 22, ENOSYS = 38 }

            public readonly struct SyscallResult
            {
                private readonly ulong _raw;
                private SyscallResult(ulong raw) { _raw = raw; }
                public static SyscallResult Ok(ulong value) => new SyscallResult(value);
                public static implicit operator SyscallResult(Errno errno) => new SyscallResult(0 - (ulong)(uint)errno);
            }
        }

        namespace Redox.Scheme
        {
            using Redox.Syscall;

            public abstract class SchemeBase
            {
                public virtual SyscallResult Read(ulong id, System.Span<byte> buffer) => Errno.EBADF;
                public virtual SyscallResult Write(ulong id, System.ReadOnlySpan<byte> buffer) => Errno.EBADF;
                public virtual int Seek(ulong id, long offset, int whence) => -(int)Errno.EBADF;
                public virtual long Fsize(ulong id) => -(long)Errno.EBADF;
                public virtual void Cancel(uint tag) { }
                public void NotAHandler() { }
            }
        }
        """;
}
