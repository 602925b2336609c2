using Redox.Runtime;
using Redox.Syscall;

/// <summary>
/// Uses each sample driver through the kernel, the way any program would (open, read, write, lseek, close on
/// <c>zero:</c>, <c>null:</c>, <c>ramdisk:</c> and <c>cmos:</c>), prints what each answered, and exits with 0 only
/// when every answer is the one the driver must give.
/// </summary>
public static unsafe class Program
{
    /// <summary>The exit code: 0 when every driver answered as it must, 1 at the first wrong answer.</summary>
    public static int Main()
    {
        if (Zero() != 0 || Null() != 0 || RamDisk() != 0 || Cmos() != 0) return 1;
        Output.Line("client: all four drivers answered through the kernel"u8);
        return 0;
    }

    /// <summary>zero: fills any read with zero bytes.</summary>
    private static int Zero()
    {
        if (!Schemes.Open("zero:"u8, OpenFlags.ReadOnly, out nuint fd)) return 1;
        byte* buffer = stackalloc byte[64];
        for (int i = 0; i < 64; i++) buffer[i] = 0xAA;
        SyscallResult read = Sys.Read(fd, new Span<byte>(buffer, 64));
        if (read.IsError || read.Value != 64) return Output.Failed("zero: read 64 bytes"u8, read);
        for (int i = 0; i < 64; i++)
        {
            if (buffer[i] != 0) return Output.Wrong("zero: a byte read is not zero"u8);
        }
        Sys.Close(fd);
        Output.Line("client: zero: read 64 bytes, all zero"u8);
        return 0;
    }

    /// <summary>null: swallows writes and is at end of file at once.</summary>
    private static int Null()
    {
        if (!Schemes.Open("null:"u8, OpenFlags.ReadWrite, out nuint fd)) return 1;
        SyscallResult written = Sys.Write(fd, "dropped on the floor by null:"u8);
        if (written.IsError || written.Value != 29) return Output.Failed("null: write 29 bytes"u8, written);
        byte* buffer = stackalloc byte[16];
        SyscallResult read = Sys.Read(fd, new Span<byte>(buffer, 16));
        if (read.IsError || read.Value != 0) return Output.Failed("null: a read is at end of file"u8, read);
        Sys.Close(fd);
        Output.Line("client: null: wrote 29 bytes, read gave end of file"u8);
        return 0;
    }

    /// <summary>ramdisk: keeps what is written at an offset (the kernel keeps the file position; lseek moves it).</summary>
    private static int RamDisk()
    {
        if (!Schemes.Open("ramdisk:"u8, OpenFlags.ReadWrite, out nuint fd)) return 1;
        const int Offset = 1000, Length = 300;
        byte* pattern = stackalloc byte[Length];
        for (int i = 0; i < Length; i++) pattern[i] = (byte)(i * 13 + 7);
        SyscallResult at = Sys.Lseek(fd, Offset, SeekWhence.Set);
        if (at.IsError || at.Value != Offset) return Output.Failed("ramdisk: lseek to 1000"u8, at);
        SyscallResult written = Sys.Write(fd, new ReadOnlySpan<byte>(pattern, Length));
        if (written.IsError || written.Value != Length) return Output.Failed("ramdisk: write 300 bytes"u8, written);
        SyscallResult size = Sys.Lseek(fd, 0, SeekWhence.End);
        if (size.IsError || size.Value != 16 * 512) return Output.Failed("ramdisk: lseek to the end gives the disk's size"u8, size);
        at = Sys.Lseek(fd, Offset, SeekWhence.Set);
        if (at.IsError || at.Value != Offset) return Output.Failed("ramdisk: lseek back to 1000"u8, at);
        byte* back = stackalloc byte[Length];
        SyscallResult read = Sys.Read(fd, new Span<byte>(back, Length));
        if (read.IsError || read.Value != Length) return Output.Failed("ramdisk: read 300 bytes back"u8, read);
        for (int i = 0; i < Length; i++)
        {
            if (back[i] != pattern[i]) return Output.Wrong("ramdisk: the bytes read back differ from those written"u8);
        }
        Sys.Close(fd);
        Output.Text("client: ramdisk: wrote 300 bytes at 1000 and read them back; the disk holds "u8);
        Output.Number(size.Value);
        Output.Line(" bytes"u8);
        return 0;
    }

    /// <summary>
    /// cmos: the real chip (QEMU's MC146818). Registers 0x00 and 0x02 are the RTC's seconds and minutes, BCD unless
    /// status register B (0x0B) has bit 2 set (MC146818 data sheet, "Address Map"); the clock registers are read-only.
    /// </summary>
    private static int Cmos()
    {
        if (!Schemes.Open("cmos:"u8, OpenFlags.ReadWrite, out nuint fd)) return 1;
        SyscallResult size = Sys.Lseek(fd, 0, SeekWhence.End);
        if (size.IsError || size.Value != 128) return Output.Failed("cmos: lseek to the end gives 128 registers"u8, size);
        Sys.Lseek(fd, 0, SeekWhence.Set);
        byte* registers = stackalloc byte[12];
        SyscallResult read = Sys.Read(fd, new Span<byte>(registers, 12));
        if (read.IsError || read.Value != 12) return Output.Failed("cmos: read registers 0x00-0x0B"u8, read);
        bool binary = (registers[0x0B] & 0x04) != 0;
        int seconds = Clock(registers[0x00], binary), minutes = Clock(registers[0x02], binary);
        if (seconds < 0 || minutes < 0) return Output.Wrong("cmos: the RTC's seconds or minutes are out of range"u8);
        // Writing a clock register is refused by the driver (EPERM) before it touches the chip.
        Sys.Lseek(fd, 0, SeekWhence.Set);
        SyscallResult refused = Sys.Write(fd, "\0"u8);
        if (!refused.IsError || refused.Error != Errno.EPERM) return Output.Failed("cmos: writing the seconds register is EPERM"u8, refused);
        Sys.Close(fd);
        Output.Text("client: cmos: the RTC reads minute "u8);
        Output.Number((ulong)minutes);
        Output.Text(", second "u8);
        Output.Number((ulong)seconds);
        Output.Line(binary ? " (binary); writing the clock is EPERM"u8 : " (BCD); writing the clock is EPERM"u8);
        return 0;
    }

    // A seconds or minutes register as 0-59, or -1 when it is not one (a BCD digit above 9, or 60 and more).
    private static int Clock(byte value, bool binary)
    {
        int decoded = binary ? value : ((value & 0x0F) > 9 ? 99 : (value >> 4) * 10 + (value & 0x0F));
        return decoded < 60 ? decoded : -1;
    }
}
