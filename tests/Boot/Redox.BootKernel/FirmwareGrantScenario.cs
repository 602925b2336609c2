using Redox.Kernel.Memory;
using Redox.Kernel.Processes;

/// <summary>
/// The refusals of <c>memory:physical</c> (issue 9): bin/usertest's <c>firmware-grant</c> scenario started with
/// <c>memory=firmware</c> (read-only firmware memory, nothing else), with no physical grant, and with a page of RAM
/// granted by address. Each process must see EACCES where the grant stops, go on and exit 0; afterwards processes still
/// start and no frame was lost or gained (the firmware pages it mapped are not the allocator's to take back).
/// </summary>
public static class FirmwareGrantScenario
{
    /// <summary>The three variants, then a plain process and the frame count.</summary>
    public static bool Run()
    {
        UserSpaceScenario.RunToEnd("warm-up"u8, "hello"u8);
        ulong frames = PhysicalMemory.Frames!.FreeFrames;
        bool ok = Check.That(RunWith("firmware"u8, "firmware-grant firmware"u8) == 0, "memory=firmware: read-only firmware memory only");
        ok &= Check.That(RunWith(default, "firmware-grant none"u8) == 0, "no physical grant: memory:physical refused");
        // The page the ram variant asks for (24 MiB): RAM under -m 128M, refused though the manifest names it.
        ok &= Check.That(RunWith("0x1800000-0x1800fff"u8, "firmware-grant ram"u8) == 0, "RAM granted by address: still refused");
        ok &= Check.That(UserSpaceScenario.RunToEnd("after"u8, "hello"u8) == Process.ExitedStatus(7), "processes still start after the refusals");
        ok &= Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "no frame lost or gained by mapping firmware memory");
        return ok;
    }

    /// <summary>Starts bin/usertest with the physical grants <paramref name="memory"/> (manifest syntax; empty: none) and waits for its status.</summary>
    private static int RunWith(ReadOnlySpan<byte> memory, ReadOnlySpan<byte> arguments)
    {
        ProcessGrants.TryCreate(default, default, out ProcessGrants grants);
        if (!grants.TryAddPhysical(memory, default)) return -1;
        StartError error = ProcessTable.Start("physical"u8, UserSpaceScenario.TestProgram(), arguments, ProcessTable.KernelId, grants, out Process? process);
        if (!Check.That(error == StartError.None && process is not null, "the physical-grant program starts")) return -1;
        ProcessTable.Wait(ProcessTable.KernelId, process!.Id, noHang: false, out int status);
        return status;
    }
}
