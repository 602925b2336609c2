namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>A Super I/O family: decides the configuration-mode entry and exit sequences.</summary>
public enum SuperIoFamily : byte
{
    /// <summary>Not identified.</summary>
    None,

    /// <summary>ITE IT87xx: enter 0x87 0x01 0x55 0x55 (0xAA last at 0x4E); exit by writing 0x02 to register 0x02.</summary>
    Ite,

    /// <summary>Nuvoton NCT67xx (and Winbond W836xx, same sequence): enter 0x87 0x87; exit 0xAA.</summary>
    Nuvoton,
}
