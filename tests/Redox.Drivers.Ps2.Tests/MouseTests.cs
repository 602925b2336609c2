using System.Linq;
using Redox.Drivers.Ps2;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>Mouse packets of every ID through the model, the i8042 and the packet decoder.</summary>
public class MouseTests
{
    private static Rig StartRig(byte maxId)
    {
        var rig = new Rig(m => m.Mouse.MaxId = maxId);
        var r = rig.Start();
        Assert.True(r.MouseReady);
        Assert.Equal(maxId, r.MouseId);
        return rig;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    public void MotionSignExtensionAndButtonsForEveryId(byte id)
    {
        using var rig = StartRig(id);
        var mouse = rig.Model.Mouse;
        (int dx, int dy)[] moves = { (0, 0), (1, -1), (-256, 255), (255, -256), (-1, 1), (127, -128) };
        foreach (var (dx, dy) in moves)
        {
            mouse.Buttons = 0x05;
            Assert.True(mouse.Move(dx, dy));
        }
        var events = rig.Moves();
        Assert.Equal(moves.Select(m => ((short)m.dx, (short)m.dy)), events.Select(e => (e.Dx, e.Dy)));
        Assert.All(events, e => Assert.Equal(MouseButtons.Left | MouseButtons.Middle, e.Buttons));
        Assert.All(events, e => Assert.Equal(id, e.DeviceId));
    }

    [Fact]
    public void IntelliMouseWheel()
    {
        using var rig = StartRig(3);
        rig.Model.Mouse.Move(0, 0, wheel: -1);
        rig.Model.Mouse.Move(0, 0, wheel: 127);
        rig.Model.Mouse.Move(0, 0, wheel: -128);
        Assert.Equal(new sbyte[] { -1, 127, -128 }, rig.Moves().Select(e => e.Wheel).ToArray());
    }

    [Fact]
    public void ExplorerWheelAndButtonsFourAndFive()
    {
        using var rig = StartRig(4);
        var mouse = rig.Model.Mouse;
        mouse.Buttons = 0x08;
        mouse.Move(1, 1, wheel: 7);
        mouse.Buttons = 0x10;
        mouse.Move(1, 1, wheel: -8);
        mouse.Buttons = 0x1F;
        mouse.Move(1, 1, wheel: 0);
        var e = rig.Moves();
        Assert.Equal(new sbyte[] { 7, -8, 0 }, e.Select(x => x.Wheel).ToArray());
        Assert.Equal(MouseButtons.Button4, e[0].Buttons);
        Assert.Equal(MouseButtons.Button5, e[1].Buttons);
        Assert.Equal((MouseButtons)0x1F, e[2].Buttons);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void OverflowPacketsAreDropped(byte id)
    {
        using var rig = StartRig(id);
        rig.Model.Mouse.Move(5, 5);
        rig.Model.Mouse.Overflow(x: true, y: false);
        rig.Model.Mouse.Overflow(x: false, y: true);
        rig.Model.Mouse.Move(-5, -5);
        var e = rig.Moves();
        Assert.Equal(new short[] { 5, -5 }, e.Select(x => x.Dx).ToArray());
        Assert.Equal(2UL, rig.Driver.State.MouseDecoder.Overflows);
    }

    [Fact]
    public void ResynchronisesAfterALostByte()
    {
        using var rig = StartRig(0);
        // A packet whose first byte was lost: only X (0x05) and Y (0x06) arrive, both without bit 3.
        rig.Model.Mouse.InjectRaw(0x05, 0x06);
        rig.Model.Mouse.Move(4, 2);
        rig.Model.Mouse.Move(-3, 1);
        var e = rig.Moves();
        Assert.Equal(new short[] { 4, -3 }, e.Select(x => x.Dx).ToArray());
        Assert.Equal(2UL, rig.Driver.State.MouseDecoder.Resyncs);
    }

    [Fact]
    public void KeyPressedWhileTheMouseIsReconfiguredIsNotLost()
    {
        using var rig = StartRig(4);
        rig.Model.Keyboard.Tap(0x04);
        rig.Model.Mouse.Move(1, 2);
        // Before the interrupt path ran: change the sample rate. Key and packet bytes are stashed, then decoded.
        Assert.Equal(Ps2Error.None, rig.Driver.ApplyMouseSetting(MouseSetting.SampleRate, 40));
        Assert.Equal(40, rig.Model.Mouse.SampleRate);
        Assert.Equal(2, rig.Keys().Count);
        var move = Assert.Single(rig.Moves());
        Assert.Equal((1, 2), (move.Dx, move.Dy));
        Assert.Equal(Ps2Error.InvalidArgument, rig.Driver.ApplyMouseSetting(MouseSetting.SampleRate, 41));
        Assert.Equal(Ps2Error.InvalidArgument, rig.Driver.ApplyMouseSetting(MouseSetting.Resolution, 4));
        Assert.Equal(Ps2Error.None, rig.Driver.ApplyMouseSetting(MouseSetting.Resolution, 3));
        Assert.Equal(3, rig.Model.Mouse.Resolution);
        Assert.True(rig.Model.Mouse.Streaming);
    }
}
