using Redox.Syscall;

namespace Redox.Scheme.Tests;

/// <summary>Builds requests for tests.</summary>
public static class Requests
{
    public static Sqe Make(Opcode opcode, ulong a0 = 0, ulong a1 = 0, ulong a2 = 0, ulong a3 = 0, ulong a4 = 0, ulong a5 = 0, uint tag = 77)
        => new() { Opcode = opcode, Tag = tag, Arg0 = a0, Arg1 = a1, Arg2 = a2, Arg3 = a3, Arg4 = a4, Arg5 = a5, Caller = 5 };
}
