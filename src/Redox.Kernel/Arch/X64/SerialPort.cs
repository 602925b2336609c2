namespace Redox.Kernel.Arch.X64;

/// <summary>A 16550 UART (COM1 at 0x3F8 is the kernel log). Polled: the log must work before interrupts do.</summary>
internal static class SerialPort
{
    public const ushort Com1 = 0x3F8;

    // Register offsets from the base port (16550 data sheet).
    private const ushort Data = 0, InterruptEnable = 1, FifoControl = 2, LineControl = 3, ModemControl = 4, LineStatus = 5;
    private const byte TransmitHoldingEmpty = 0x20;

    /// <summary>115200 baud, 8 data bits, no parity, one stop bit, FIFOs on.</summary>
    public static void Initialize(ushort port)
    {
        Native.Out8((ushort)(port + InterruptEnable), 0x00);
        Native.Out8((ushort)(port + LineControl), 0x80);   // DLAB on: the next two registers are the divisor
        Native.Out8((ushort)(port + Data), 0x01);          // divisor 1 = 115200 baud
        Native.Out8((ushort)(port + InterruptEnable), 0x00);
        Native.Out8((ushort)(port + LineControl), 0x03);   // 8N1, DLAB off
        Native.Out8((ushort)(port + FifoControl), 0xC7);   // enable and clear FIFOs, 14-byte threshold
        Native.Out8((ushort)(port + ModemControl), 0x0B);  // DTR, RTS, OUT2
    }

    /// <summary>Waits for room in the transmitter, then sends one byte.</summary>
    public static void Write(ushort port, byte value)
    {
        while ((Native.In8((ushort)(port + LineStatus)) & TransmitHoldingEmpty) == 0) Native.Pause();
        Native.Out8((ushort)(port + Data), value);
    }
}
