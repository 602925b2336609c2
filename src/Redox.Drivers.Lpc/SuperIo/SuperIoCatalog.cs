namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>
/// The chip IDs this driver recognises. Anything else that answers is reported as unknown with its raw ID,
/// so a garbage read is never turned into a model name. ITE IDs from Linux drivers/hwmon/it87.c; Nuvoton IDs
/// (matched under mask 0xFFF8, the low bits being the revision) from Linux drivers/hwmon/nct6775-platform.c.
/// </summary>
public static class SuperIoCatalog
{
    /// <summary>Mask that separates a Nuvoton chip's ID from its revision (low 3 bits).</summary>
    public const ushort NuvotonIdMask = 0xFFF8;

    /// <summary>True when <paramref name="chipId"/> is an ITE IT87xx/IT86xx Super I/O.</summary>
    public static bool IsIte(ushort chipId) => chipId switch
    {
        0x8603 or 0x8620 or 0x8622 or 0x8628 or 0x8665 or 0x8686 or 0x8689 => true,
        0x8705 or 0x8712 or 0x8716 or 0x8718 or 0x8720 or 0x8721 or 0x8726 or 0x8728 or 0x8732 => true,
        0x8771 or 0x8772 or 0x8781 or 0x8782 or 0x8783 or 0x8786 or 0x8790 or 0x8792 => true,
        _ => false,
    };

    /// <summary>The NCT67xx part number of <paramref name="chipId"/> (e.g. 6779), or 0 when it is not a known Nuvoton chip.</summary>
    public static ushort NuvotonModel(ushort chipId) => (ushort)(chipId & NuvotonIdMask) switch
    {
        0xB470 => 6775,
        0xC330 => 6776,
        0xC560 => 6779,
        0xC800 => 6791,
        0xC910 => 6792,
        0xD120 => 6793,
        0xD350 => 6795,
        0xD420 => 6796,
        0xD428 => 6798,
        0xD800 => 6799,
        _ => 0,
    };
}
