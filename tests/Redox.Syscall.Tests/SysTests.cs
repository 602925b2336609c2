using System;
using System.Runtime.InteropServices;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>
/// The raw entry: ENOSYS until a back end is installed, then every argument reaches it in order; and every typed
/// wrapper puts its arguments where <c>abi/redox-abi.txt</c> says the call takes them. One class on purpose: the
/// back end is process-wide state, and xunit runs the tests of one class one at a time.
/// </summary>
public unsafe class SysTests
{
    private static readonly nuint[] s_seen = new nuint[7];
    private static byte[] s_metadataSeen = Array.Empty<byte>();
    private static Map s_mapSeen;

    [UnmanagedCallersOnly]
    private static nuint Recorder(nuint n, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        s_seen[0] = n; s_seen[1] = a; s_seen[2] = b; s_seen[3] = c; s_seen[4] = d; s_seen[5] = e; s_seen[6] = f;
        if (n == SyscallNumbers.Call)
        {
            // Copy the metadata words while the caller still has them pinned.
            s_metadataSeen = new ReadOnlySpan<byte>((void*)e, (int)(d & 0xFF) * 8).ToArray();
        }
        if (n == SyscallNumbers.Fmap && c == (nuint)sizeof(Map))
        {
            s_mapSeen = *(Map*)b;
        }
        return n == SyscallNumbers.Read ? c : (nuint)SyscallResult.Mux(Errno.EBADF);
    }

    [Fact]
    public void NotInstalledAnswersEnosysThenInstalledEntryGetsArgumentsInOrder()
    {
        Sys.Install(null);
        Assert.False(Sys.IsInstalled);
        Assert.Equal(Errno.ENOSYS, Sys.Close(3).Error);

        Sys.Install(&Recorder);
        Assert.True(Sys.IsInstalled);
        Assert.Equal(Errno.EBADF, Sys.Call(1, 2, 3, 4, 5, 6, 7).Error);
        Assert.Equal(new nuint[] { 1, 2, 3, 4, 5, 6, 7 }, s_seen);

        var buffer = new byte[12];
        var read = Sys.Read(9, buffer);
        Assert.True(read.IsOk);
        Assert.Equal(12UL, read.Value);
        Assert.Equal(SyscallNumbers.Read, s_seen[0]);
        Assert.Equal((nuint)9, s_seen[1]);
        Assert.Equal((nuint)12, s_seen[3]);
    }

    [Fact]
    public void DirectEntryIsCalledWithoutTransitionAndEitherInstallReplacesTheOther()
    {
        // A real native function as the direct back end: libc's getpid ignores the seven arguments (System V), so
        // Sys.Getpid through it must give this process's id. A managed entry here would be refused by the runtime.
        nint libc = NativeLibrary.Load("libc.so.6");
        var getpid = (delegate* unmanaged[SuppressGCTransition]<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint>)
            NativeLibrary.GetExport(libc, "getpid");
        try
        {
            Sys.InstallDirect(getpid);
            Assert.True(Sys.IsInstalled);
            Assert.Equal((ulong)Environment.ProcessId, Sys.Getpid().Value);

            Sys.Install(&Recorder);                        // the transitioning entry wins over the direct one
            Assert.Equal(Errno.EBADF, Sys.Close(5).Error);
            Assert.Equal(SyscallNumbers.Close, s_seen[0]);

            Sys.InstallDirect(getpid);                     // and back
            Assert.Equal((ulong)Environment.ProcessId, Sys.Getpid().Value);
            Sys.InstallDirect(null);
            Assert.False(Sys.IsInstalled);
            Assert.Equal(Errno.ENOSYS, Sys.Getpid().Error);
        }
        finally
        {
            Sys.Install(&Recorder);
        }
    }

    [Fact]
    public void ProcessWrappersPassNumberAndArgumentsInAbiOrder()
    {
        Sys.Install(&Recorder);
        Sys.Exit(3);
        Expect(SyscallNumbers.Exit, 3);
        Sys.Getpid();
        Expect(SyscallNumbers.Getpid);
        Sys.Waitpid(5, out _, WaitFlags.NoHang);
        Assert.Equal(SyscallNumbers.Waitpid, s_seen[0]);
        Assert.Equal((nuint)5, s_seen[1]);
        Assert.NotEqual((nuint)0, s_seen[2]);
        Assert.Equal((nuint)1, s_seen[3]);
        Sys.Kill(6, Signal.SIGKILL);
        Expect(SyscallNumbers.Kill, 6, 9);
        Sys.Yield();
        Expect(SyscallNumbers.Yield);
        Sys.ClockGettime(ClockId.Monotonic, out _);
        Assert.Equal(SyscallNumbers.ClockGettime, s_seen[0]);
        Assert.Equal((nuint)4, s_seen[1]);
        Assert.NotEqual((nuint)0, s_seen[2]);
        Sys.Nanosleep(new TimeSpec { Seconds = 1 }, out _);
        Assert.Equal(SyscallNumbers.Nanosleep, s_seen[0]);
        Assert.NotEqual((nuint)0, s_seen[1]);
        Assert.NotEqual((nuint)0, s_seen[2]);
    }

    [Fact]
    public void FutexWrappersPassAddressOpAndValue()
    {
        Sys.Install(&Recorder);
        int word = 0;
        int* p = &word;
        Sys.FutexWait(ref word, -1);
        Expect(SyscallNumbers.Futex, (nuint)p, 0, unchecked((nuint)(-1L)), 0, 0);
        Sys.FutexWake(ref word, 2);
        Expect(SyscallNumbers.Futex, (nuint)p, 1, 2, 0, 0);
    }

    [Fact]
    public void AnonymousMemoryIsFmapOnTheAnonymousDescriptorWithAPrivateReadWriteMap()
    {
        Sys.Install(&Recorder);
        Sys.MapAnonymous(0x3000);
        Expect(SyscallNumbers.Fmap, unchecked((nuint)ulong.MaxValue));
        Assert.Equal((nuint)32, s_seen[3]);
        Assert.Equal(0UL, s_mapSeen.Offset);
        Assert.Equal(0x3000UL, s_mapSeen.Size);
        Assert.Equal(0x0006_0002UL, s_mapSeen.Flags);
        Assert.Equal(0UL, s_mapSeen.Address);

        Sys.Fmap(7, new Map { Offset = 0x1000, Size = 0x2000, Flags = (ulong)MapFlags.Shared, Address = 0x40_0000 });
        Expect(SyscallNumbers.Fmap, 7);
        Assert.Equal(0x40_0000UL, s_mapSeen.Address);
        Assert.Equal(0x1000UL, s_mapSeen.Offset);
        Sys.Funmap(0x1000, 0x2000);
        Expect(SyscallNumbers.Funmap, 0x1000, 0x2000);
        Sys.Mprotect(0x1000, 0x2000, MapFlags.ProtRead);
        Expect(SyscallNumbers.Mprotect, 0x1000, 0x2000, 0x4_0000);
    }

    [Fact]
    public void SlotChoosingCallsPassTheSlotLast()
    {
        Sys.Install(&Recorder);
        Sys.OpenAtInto(3, "a"u8, OpenFlags.ReadOnly, OpenFlags.NonBlock, 9);
        Assert.Equal(SyscallNumbers.OpenAtInto, s_seen[0]);
        Assert.Equal((nuint)3, s_seen[1]);
        Assert.Equal((nuint)1, s_seen[3]);
        Assert.Equal((nuint)0x1_0000, s_seen[4]);
        Assert.Equal((nuint)0x4_0000, s_seen[5]);
        Assert.Equal((nuint)9, s_seen[6]);
        Sys.DupInto(4, "x"u8, 11);
        Assert.Equal(SyscallNumbers.DupInto, s_seen[0]);
        Assert.Equal((nuint)4, s_seen[1]);
        Assert.Equal((nuint)1, s_seen[3]);
        Assert.Equal((nuint)11, s_seen[4]);
    }

    [Fact]
    public void AnswerOneThenReadPassesTheAnswersTwoWordsInRegisters()
    {
        Sys.Install(&Recorder);
        var requests = new byte[64];
        Cqe answer = Cqe.Respond(0x0000_1234, SyscallResult.Ok(3));
        answer.Flags |= 0x08;                                 // a flag bit above the kind: the head is passed whole
        Sys.AnswerOneThenRead(5, requests, answer);
        Assert.Equal(SyscallNumbers.AnswerOneThenRead, s_seen[0]);
        Assert.Equal((nuint)5, s_seen[1]);
        Assert.Equal((nuint)64, s_seen[3]);
        Assert.Equal((nuint)(0x0000_1234UL << 32 | 0x08 | (byte)CqeOpcode.RespondRegular), s_seen[4]);   // flags in byte 0, tag in bytes 4-7
        Assert.Equal((nuint)SyscallResult.Mux(SyscallResult.Ok(3)), s_seen[5]);
        Assert.Equal((nuint)0, s_seen[6]);
    }

    [Fact]
    public void SchemeCallPutsTheMetadataCountInTheLowByteOfTheFlags()
    {
        Sys.Install(&Recorder);
        var payload = new byte[5];
        Sys.SchemeCall(8, payload, CallFlags.Read | CallFlags.Write, stackalloc ulong[] { 0x11, 0x22 });
        Assert.Equal(SyscallNumbers.Call, s_seen[0]);
        Assert.Equal((nuint)8, s_seen[1]);
        Assert.Equal((nuint)5, s_seen[3]);
        Assert.Equal((nuint)(0x600 | 2), s_seen[4]);
        Assert.Equal(new byte[] { 0x11, 0, 0, 0, 0, 0, 0, 0, 0x22, 0, 0, 0, 0, 0, 0, 0 }, s_metadataSeen);

        s_seen[0] = 0;
        Assert.Equal(Errno.EINVAL, Sys.SchemeCall(8, payload, CallFlags.Read, new ulong[256]).Error);
        Assert.Equal(Errno.EINVAL, Sys.SchemeCall(8, payload, (CallFlags)1, default).Error);
        Assert.Equal((nuint)0, s_seen[0]);
    }

    [Fact]
    public void TheDeprecatedByteMetadataOverloadForwardsItsBytesAsWords()
    {
        Sys.Install(&Recorder);
        var payload = new byte[5];
#pragma warning disable CS0618 // the deprecated overload is what this test checks
        Sys.SchemeCall(8, payload, 0x600, new byte[] { 0x11, 0, 0, 0, 0, 0, 0, 0, 0x22, 0, 0, 0, 0, 0, 0, 0 });
        Assert.Equal((nuint)(0x600 | 2), s_seen[4]);
        Assert.Equal(new byte[] { 0x11, 0, 0, 0, 0, 0, 0, 0, 0x22, 0, 0, 0, 0, 0, 0, 0 }, s_metadataSeen);
        s_seen[0] = 0;
        Assert.Equal(Errno.EINVAL, Sys.SchemeCall(8, payload, 0x600, new byte[7]).Error);
#pragma warning restore CS0618
        Assert.Equal((nuint)0, s_seen[0]);
    }

    private static void Expect(nuint number, params nuint[] args)
    {
        Assert.Equal(number, s_seen[0]);
        for (int i = 0; i < args.Length; i++)
        {
            Assert.True(args[i] == s_seen[i + 1], "argument " + (i + 1) + ": expected " + args[i] + ", got " + s_seen[i + 1]);
        }
    }
}
