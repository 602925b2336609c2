using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Runtime;

/// <summary>
/// The two calls <c>_start</c> (native/x64/Start.S) makes around the program: before anything else, install the
/// <c>syscall</c>-instruction back end of Redox.Syscall's <see cref="Sys"/>, note the arguments and register the
/// fault entry (<see cref="FaultUpcall"/>); after Main, exit with its value.
/// </summary>
public static unsafe class ProcessEntry
{
    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "redox_syscall6_address")]
    private static extern nint SyscallStubAddress();

    [UnmanagedCallersOnly(EntryPoint = "redox_process_start")]
    private static void Start(ulong* initialStack)
    {
        Sys.InstallDirect((delegate* unmanaged[SuppressGCTransition]<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint>)SyscallStubAddress());
        Process.SetArguments((int)initialStack[0], (byte**)(initialStack + 1));
        FaultUpcall.Register();   // from here on, a fault in managed code can become a catchable exception
    }

    [UnmanagedCallersOnly(EntryPoint = "redox_process_exit")]
    private static void Exit(int code) => Process.Exit(code);
}
