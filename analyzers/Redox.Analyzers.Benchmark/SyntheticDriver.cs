using System.Text;

namespace Redox.Analyzers.Benchmark;

/// <summary>
/// Writes a driver-shaped source set: Redox stand-ins plus <c>schemes</c> scheme classes with
/// handle tables, span parsing, register access, loops, helpers out of scope, and a handful of
/// deliberate allocations (so the analyzers report, not just scan).
/// </summary>
internal static class SyntheticDriver
{
    internal const string Stubs = """
        namespace Redox { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class NoAllocAttribute : System.Attribute { } }
        namespace Redox.Syscall
        {
            public enum Errno { EPERM = 1, ENOENT = 2, EIO = 5, EBADF = 9, EAGAIN = 11, EACCES = 13, EFAULT = 14, EINVAL = 22, ENOSYS = 38 }
            public readonly struct SyscallResult
            {
                private readonly ulong _raw;
                private SyscallResult(ulong raw) { _raw = raw; }
                public bool IsError => _raw > ulong.MaxValue - 4095;
                public static SyscallResult Ok(ulong value) => new SyscallResult(value);
                public static implicit operator SyscallResult(Errno errno) => new SyscallResult(0 - (ulong)(uint)errno);
            }
        }
        namespace Redox.Scheme
        {
            using System;
            using Redox.Syscall;
            public abstract class SchemeBase
            {
                public virtual SyscallResult Open(ReadOnlySpan<byte> path, int flags) => Errno.ENOENT;
                public virtual SyscallResult Read(ulong id, Span<byte> buffer, ulong offset) => Errno.EBADF;
                public virtual SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset) => Errno.EBADF;
                public virtual SyscallResult Fsize(ulong id) => Errno.EBADF;
                public virtual SyscallResult Close(ulong id) => Errno.EBADF;
                public virtual SyscallResult Fcntl(ulong id, ulong command, ulong argument) => Errno.EBADF;
            }
        }
        """;

    internal static string Scheme(int n)
    {
        var b = new StringBuilder();
        b.Append($$"""
            using System;
            using System.Collections.Generic;
            using Redox.Scheme;
            using Redox.Syscall;

            namespace Drivers.D{{n}};

            /// <summary>Registers of device {{n}}.</summary>
            [Flags]
            public enum Status{{n}} : uint { None = 0, Ready = 1, Busy = 2, Error = 4, Irq = 8 }

            public struct Handle{{n}}
            {
                public bool InUse;
                public ulong Position;
                public int Kind;
                public uint Flags;
            }

            public sealed class Controller{{n}}
            {
                private readonly uint[] _registers = new uint[64];
                public Status{{n}} Status => (Status{{n}})_registers[0];
                public uint ReadRegister(int index) => index >= 0 && index < _registers.Length ? _registers[index] : 0u;
                public void WriteRegister(int index, uint value) { if (index >= 0 && index < _registers.Length) _registers[index] = value; }
                public bool WaitReady(int spins)
                {
                    for (int i = 0; i < spins; i++)
                    {
                        if ((Status & Status{{n}}.Ready) != 0) return true;
                    }
                    return false;
                }
                public string Describe() => "controller " + {{n}} + " status " + Status;
                public List<int> Snapshot() { var list = new List<int>(); foreach (var r in _registers) list.Add((int)r); return list; }
            }

            public sealed class Scheme{{n}} : SchemeBase
            {
                private readonly Handle{{n}}[] _handles = new Handle{{n}}[32];
                private readonly Controller{{n}} _controller = new Controller{{n}}();
                private readonly byte[] _data = new byte[4096];
                private int _opens;

                public override SyscallResult Open(ReadOnlySpan<byte> path, int flags)
                {
                    int kind = Classify(path);
                    if (kind < 0) return Errno.ENOENT;
                    for (int i = 0; i < _handles.Length; i++)
                    {
                        if (!_handles[i].InUse)
                        {
                            _handles[i] = new Handle{{n}} { InUse = true, Kind = kind, Flags = (uint)flags };
                            _opens++;
                            return SyscallResult.Ok((ulong)i);
                        }
                    }
                    return Errno.EIO;
                }

                public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset)
                {
                    if (id >= (ulong)_handles.Length || !_handles[id].InUse) return Errno.EBADF;
                    ref var handle = ref _handles[id];
                    if (!_controller.WaitReady(100)) return Errno.EAGAIN;
                    ulong start = offset;
                    if (start >= (ulong)_data.Length) return SyscallResult.Ok(0);
                    int count = Math.Min(buffer.Length, _data.Length - (int)start);
                    _data.AsSpan((int)start, count).CopyTo(buffer);
                    handle.Position = start + (ulong)count;
                    Span<byte> scratch = stackalloc byte[16];
                    scratch[0] = (byte)count;
                    return SyscallResult.Ok((ulong)count);
                }

                public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset)
                {
                    if (id >= (ulong)_handles.Length || !_handles[id].InUse) return Errno.EBADF;
                    if (buffer.Length > _data.Length) return Errno.EINVAL;
                    int written = 0;
                    foreach (byte value in buffer)
                    {
                        if (offset + (ulong)written >= (ulong)_data.Length) break;
                        _data[(int)offset + written] = value;
                        written++;
                    }
                    _controller.WriteRegister(1, (uint)written);
                    return SyscallResult.Ok((ulong)written);
                }

                public override SyscallResult Fsize(ulong id)
                {
                    if (id >= (ulong)_handles.Length) return Errno.EBADF;
                    var log = $"fsize {id}";
                    return SyscallResult.Ok((ulong)_data.Length);
                }

                public override SyscallResult Close(ulong id)
                {
                    if (id >= (ulong)_handles.Length || !_handles[id].InUse) return Errno.EBADF;
                    _handles[id] = default;
                    return SyscallResult.Ok(0);
                }

                public override SyscallResult Fcntl(ulong id, ulong command, ulong argument)
                {
                    switch (command)
                    {
                        case 1: return SyscallResult.Ok(_handles[id].Flags);
                        case 2: _handles[id].Flags = (uint)argument; return SyscallResult.Ok(0);
                        case 3:
                            object boxed = _handles[id].Kind;
                            return SyscallResult.Ok((ulong)boxed.GetHashCode());
                        default: return Errno.EINVAL;
                    }
                }

                private static int Classify(ReadOnlySpan<byte> path)
                {
                    if (path.IsEmpty) return 0;
                    if (path.StartsWith("status"u8)) return 1;
                    if (path.StartsWith("data"u8)) return 2;
                    int slash = path.IndexOf((byte)'/');
                    return slash < 0 ? 3 : -1;
                }

                public int OpenCount() => _opens;
            }

            """);
        return b.ToString();
    }
}
