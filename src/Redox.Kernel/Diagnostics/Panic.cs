using System.Runtime.InteropServices;
using Redox.Kernel.Arch;

namespace Redox.Kernel.Diagnostics;

/// <summary>
/// The end of the line: prints what went wrong on the kernel log and stops the machine. Under test (kernel command
/// line <c>redox.exit=qemu</c>) it also leaves QEMU through isa-debug-exit with <see cref="QemuExit.PanicCode"/>.
/// </summary>
public static unsafe class Panic
{
    /// <summary>Panics with a message.</summary>
    public static void Now(string message)
    {
        KernelLog.Write("PANIC: ");
        KernelLog.WriteLine(message);
        Stop();
    }

    /// <summary>The core library's panic for runtime failures (out of memory, unsupported dispatch...).</summary>
    [UnmanagedCallersOnly(EntryPoint = "redox_panic")]
    private static void RuntimePanic(char* kind, int kindLength, char* message, int messageLength)
    {
        KernelLog.Write("PANIC: ");
        KernelLog.Write(new ReadOnlySpan<char>(kind, kindLength));
        KernelLog.Write(": ");
        KernelLog.Write(new ReadOnlySpan<char>(message, messageLength));
        KernelLog.WriteLine();
        Stop();
    }

    /// <summary>An unhandled exception: bare metal has no unwinder, so every throw ends here.</summary>
    [UnmanagedCallersOnly(EntryPoint = "redox_panic_exception")]
    private static void ExceptionPanic(void* methodTable, char* message, int messageLength)
    {
        KernelLog.Write("PANIC: unhandled exception ");
        ReadOnlySpan<byte> name = TypeNames.Find((ulong)methodTable);
        if (name.IsEmpty) KernelLog.WriteHex((ulong)methodTable);
        else KernelLog.Write(name);
        KernelLog.Write(": ");
        KernelLog.Write(new ReadOnlySpan<char>(message, messageLength));
        KernelLog.WriteLine();
        Stop();
    }

    /// <summary>Stops this CPU for good (or leaves QEMU under test).</summary>
    public static void Stop()
    {
        QemuExit.ExitIfEnabled(QemuExit.PanicCode);
        while (true)
        {
            Cpu.DisableInterrupts();
            Cpu.Halt();
        }
    }
}
