using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Redox.Drivers.Ps2;
using Redox.Syscall;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>The ps2: scheme served by the driver daemon in the hosted kernel, used through system calls.</summary>
public class SchemeTests
{
    [Fact]
    public void RecordSizesAreTheDocumentedOnes()
    {
        Assert.Equal(KeyEvent.Size, Marshal.SizeOf<KeyEvent>());
        Assert.Equal(MouseEvent.Size, Marshal.SizeOf<MouseEvent>());
        Assert.Equal(20, Marshal.OffsetOf<KeyEvent>(nameof(KeyEvent.Dropped)).ToInt32());
        Assert.Equal(12, Marshal.OffsetOf<MouseEvent>(nameof(MouseEvent.Dropped)).ToInt32());
        Assert.Equal(4, Marshal.OffsetOf<KeyEvent>(nameof(KeyEvent.Usage)).ToInt32());
        Assert.Equal(4, Marshal.OffsetOf<MouseEvent>(nameof(MouseEvent.Dx)).ToInt32());
    }

    [Fact]
    public void NonBlockingReadAnswersEagainThenDeliversRecords()
    {
        using var host = new DriverHost();
        host.Client.Run(() =>
        {
            var fd = (nuint)Sys.Open("ps2:keyboard"u8, OpenFlags.ReadOnly | OpenFlags.NonBlock).Value;
            var buffer = new byte[KeyEvent.Size * 4];
            Assert.Equal(Errno.EAGAIN, Sys.Read(fd, buffer).Error);
            Assert.Equal(Errno.EINVAL, Sys.Read(fd, new byte[KeyEvent.Size - 1]).Error);
            host.Model.Keyboard.Tap(0x28);
            SyscallResult r = default;
            for (int i = 0; i < 2000 && (r = Sys.Read(fd, buffer)).IsError; i++)
            {
                Thread.Sleep(1);
            }
            Assert.True(r.IsOk, r.ToString());
            // Down, and the Up if it was decoded in the same interrupt.
            var first = MemoryMarshal.Read<KeyEvent>(buffer);
            Assert.Equal(0x28, first.Usage);
            Assert.Equal(KeyEventKind.Down, first.Kind);
            Assert.Equal(0U, first.Sequence);
            Span<byte> path = stackalloc byte[32];
            var n = Sys.Fpath(fd, path);
            Assert.Equal("ps2:keyboard", System.Text.Encoding.UTF8.GetString(path.Slice(0, (int)n.Value)));
        });
    }

    [Fact]
    public void BlockingReadWaitsForInput()
    {
        using var host = new DriverHost();
        var reader = Task.Run(() => host.Client.Run(() =>
        {
            var fd = (nuint)Sys.Open("ps2:mouse"u8, OpenFlags.ReadOnly).Value;
            var buffer = new byte[MouseEvent.Size];
            var r = Sys.Read(fd, buffer);
            Assert.True(r.IsOk, r.ToString());
            return MemoryMarshal.Read<MouseEvent>(buffer);
        }));
        // The read is parked in the driver until the mouse moves.
        for (int i = 0; i < 2000 && host.Driver.ParkedReads == 0; i++)
        {
            Thread.Sleep(1);
        }
        Assert.Equal(1, host.Driver.ParkedReads);
        Assert.False(reader.IsCompleted);
        host.Model.Mouse.Move(-7, 9, wheel: 1);
        Assert.True(reader.Wait(10_000));
        Assert.Equal((-7, 9, 1), (reader.Result.Dx, reader.Result.Dy, reader.Result.Wheel));
        Assert.Equal(4, reader.Result.DeviceId);
    }

    [Fact]
    public void FeventReadinessThroughAnEventQueue()
    {
        using var host = new DriverHost();
        host.Client.Run(() =>
        {
            var fd = (nuint)Sys.Open("ps2:keyboard"u8, OpenFlags.ReadOnly | OpenFlags.NonBlock).Value;
            var queue = (nuint)Sys.Open("event:"u8, OpenFlags.ReadWrite).Value;
            var subscribe = new Event { Id = fd, Flags = (ulong)EventFlags.Read, Data = 42 };
            Assert.True(Sys.Write(queue, MemoryMarshal.AsBytes(new Span<Event>(ref subscribe))).IsOk);
            host.Model.Keyboard.Tap(0x05);
            var received = default(Event);
            var r = Sys.Read(queue, MemoryMarshal.AsBytes(new Span<Event>(ref received)));
            Assert.True(r.IsOk, r.ToString());
            Assert.Equal(fd, received.Id);
            Assert.Equal(42UL, received.Data);
            Assert.Equal((ulong)EventFlags.Read, received.Flags & (ulong)EventFlags.Read);
            // fevent now: ready, since records wait.
            Assert.Equal((ulong)EventFlags.Read, Sys.Fevent(fd, EventFlags.Read).Value);
        });
    }

    [Fact]
    public void OverflowIsCountedAndReportedInTheNextRecord()
    {
        var options = Ps2Options.Default;
        options.KeyboardQueue = 4;
        using var host = new DriverHost(options: options);
        for (int i = 0; i < 5; i++)
        {
            host.Model.Keyboard.Tap((byte)(0x04 + i)); // 10 events into a queue of 4
        }
        for (int i = 0; i < 2000 && host.Driver.State.Keys.TotalDropped < 6; i++)
        {
            Thread.Sleep(1);
        }
        Assert.Equal(6UL, host.Driver.State.Keys.TotalDropped);
        host.Client.Run(() =>
        {
            var fd = (nuint)Sys.Open("ps2:keyboard"u8, OpenFlags.ReadOnly).Value;
            var buffer = new byte[KeyEvent.Size * 8];
            Assert.Equal((ulong)(4 * KeyEvent.Size), Sys.Read(fd, buffer).Value);
            Assert.Equal(3U, MemoryMarshal.Read<KeyEvent>(buffer.AsSpan(3 * KeyEvent.Size)).Sequence);
            host.Model.Keyboard.Tap(0x1D);
            Assert.True(Sys.Read(fd, buffer).IsOk);
            var next = MemoryMarshal.Read<KeyEvent>(buffer);
            Assert.Equal(0x1D, next.Usage);
            Assert.Equal(10U, next.Sequence);
            Assert.Equal(6U, next.Dropped);
        });
    }

    [Fact]
    public void MouseSettingsAreWritable()
    {
        using var host = new DriverHost();
        host.Client.Run(() =>
        {
            var fd = (nuint)Sys.Open("ps2:mouse"u8, OpenFlags.ReadWrite).Value;
            Assert.Equal(8UL, Sys.Write(fd, new byte[] { 1, 200, 0, 0, 2, 1, 0, 0 }).Value);
            Assert.Equal(Errno.EINVAL, Sys.Write(fd, new byte[] { 1, 99, 0, 0 }).Error);
            Assert.Equal(Errno.EINVAL, Sys.Write(fd, new byte[] { 9, 1, 0, 0 }).Error);
            Assert.Equal(Errno.EINVAL, Sys.Write(fd, new byte[] { 1, 200 }).Error);
            var kb = (nuint)Sys.Open("ps2:keyboard"u8, OpenFlags.ReadWrite).Value;
            Assert.Equal(Errno.EINVAL, Sys.Write(kb, new byte[] { 1, 200, 0, 0 }).Error);
        });
        Assert.Equal(200, host.Model.Mouse.SampleRate);
        Assert.Equal(1, host.Model.Mouse.Resolution);
    }

    [Fact]
    public void MissingDeviceAnswersEnodevAndUnknownPathEnoent()
    {
        using var host = new DriverHost(m => m.MouseConnected = false);
        host.Client.Run(() =>
        {
            Assert.Equal(Errno.ENODEV, Sys.Open("ps2:mouse"u8, OpenFlags.ReadOnly).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("ps2:joystick"u8, OpenFlags.ReadOnly).Error);
            Assert.True(Sys.Open("ps2:keyboard"u8, OpenFlags.ReadOnly).IsOk);
        });
    }

    [Fact]
    public void ClosingAHandleAnswersItsParkedRead()
    {
        using var host = new DriverHost();
        nuint fd = 0;
        host.Client.Run(() => fd = (nuint)Sys.Open("ps2:keyboard"u8, OpenFlags.ReadOnly).Value);
        var reader = Task.Run(() => host.Client.Run(() => Sys.Read(fd, new byte[KeyEvent.Size])));
        for (int i = 0; i < 2000 && host.Driver.ParkedReads == 0; i++)
        {
            Thread.Sleep(1);
        }
        Assert.Equal(1, host.Driver.ParkedReads);
        host.Client.Run(() => Assert.True(Sys.Close(fd).IsOk));
        // The next turn of the loop retries the parked read: its handle is gone, so it answers EBADF.
        host.Model.RaiseSpurious(1);
        Assert.True(reader.Wait(10_000));
        Assert.Equal(Errno.EBADF, reader.Result.Error);
    }
}
