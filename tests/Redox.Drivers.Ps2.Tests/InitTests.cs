using System;
using Redox.Drivers.Ps2;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>The initialisation sequence against the i8042 model, including every failure of issue 11's "Bad input".</summary>
public class InitTests
{
    [Fact]
    public void FullInitFindsBothDevicesAndLeavesInterruptsAndTranslationOn()
    {
        using var rig = new Rig();
        var r = rig.Start();
        Assert.Equal(Ps2Error.None, r.Controller);
        Assert.True(r.DualChannel);
        Assert.True(r.KeyboardReady);
        Assert.True(r.MouseReady);
        Assert.Equal(0xAB83, r.KeyboardId);
        Assert.Equal(4, r.MouseId);
        Assert.Equal(Ps2Error.None, r.ScancodeSetSelection);
        // Firmware left 0x47; read after both ports were disabled it shows the two clock-disabled bits too.
        Assert.Equal((Ps2Config)0x77, r.FirmwareConfig);
        Assert.Equal(Ps2Config.Port1Interrupt | Ps2Config.Port2Interrupt | Ps2Config.System | Ps2Config.Translation, r.FinalConfig);
        Assert.Equal(0x47, rig.Model.Config);
        // The careful order: both ports off, config read, self-test, dual-channel probe, port tests, enable.
        Assert.Equal(new byte[] { 0xAD, 0xA7, 0x20, 0x60, 0xAA, 0x60, 0xA8, 0x20, 0xA7, 0xAB, 0xA9, 0xAE, 0xA8 }, System.Linq.Enumerable.Take(rig.Model.Commands, 13));
        Assert.Equal(2, rig.Model.Keyboard.ScancodeSet);
        Assert.True(rig.Model.Keyboard.Scanning);
        Assert.True(rig.Model.Mouse.Streaming);
        Assert.Equal(100, rig.Model.Mouse.SampleRate);
        Assert.Equal(2, rig.Model.Mouse.Resolution);
        Assert.Equal(1, rig.Model.Keyboard.Resets);
        Assert.Equal(ScancodeSet.Set1, rig.Driver.State.KeyDecoder.Set);
    }

    [Fact]
    public void TranslationOffDecodesSet2()
    {
        var options = Ps2Options.Default;
        options.Translation = false;
        using var rig = new Rig(options: options);
        var r = rig.Start();
        Assert.Equal((Ps2Config)0, r.FinalConfig & Ps2Config.Translation);
        Assert.Equal(ScancodeSet.Set2, rig.Driver.State.KeyDecoder.Set);
    }

    [Fact]
    public void MissingControllerIsReportedWithoutHanging()
    {
        using var rig = new Rig(mapController: false);
        var r = rig.Start();
        Assert.Equal(Ps2Error.NoController, r.Controller);
        Assert.False(r.KeyboardReady);
        Assert.False(r.MouseReady);
        Assert.False(rig.Driver.State.KeyboardReady);
    }

    [Fact]
    public void FailedSelfTestStopsBeforeTouchingDevices()
    {
        using var rig = new Rig(m => m.SelfTestFails = true);
        var r = rig.Start();
        Assert.Equal(Ps2Error.SelfTestFailed, r.Controller);
        Assert.Empty(rig.Model.Keyboard.Received);
        Assert.Empty(rig.Model.Mouse.Received);
    }

    [Fact]
    public void ConfigurationResetBySelfTestIsWrittenAgain()
    {
        using var rig = new Rig(m => m.SelfTestResetsConfig = 0x47);
        var r = rig.Start();
        Assert.True(r.KeyboardReady);
        Assert.True(r.MouseReady);
        Assert.True(r.DualChannel);
    }

    [Fact]
    public void SingleChannelControllerServesTheKeyboard()
    {
        using var rig = new Rig(m => m.HasSecondPort = false);
        var r = rig.Start();
        Assert.False(r.DualChannel);
        Assert.Equal(Ps2Error.NoSecondPort, r.Mouse);
        Assert.Equal(Ps2Error.NoSecondPort, r.Port2Test);
        Assert.True(r.KeyboardReady);
        Assert.DoesNotContain((byte)0xA9, rig.Model.Commands);
        rig.Model.Keyboard.Tap(0x04);
        Assert.Equal(2, rig.Keys().Count);
    }

    [Fact]
    public void MissingKeyboardLeavesTheMouseWorking()
    {
        using var rig = new Rig(m => m.KeyboardConnected = false);
        var r = rig.Start();
        Assert.Equal(Ps2Error.NoDevice, r.Keyboard);
        Assert.True(r.MouseReady);
        Assert.Equal((Ps2Config)0, r.FinalConfig & Ps2Config.Port1Interrupt);
        Assert.NotEqual((Ps2Config)0, r.FinalConfig & Ps2Config.Port1ClockDisabled);
        rig.Model.Mouse.Move(3, 4);
        Assert.Single(rig.Moves());
    }

    [Fact]
    public void KeyboardThatNeverAnswersIsNoDevice()
    {
        using var rig = new Rig(m => m.Keyboard.Mute = true);
        var r = rig.Start();
        Assert.Equal(Ps2Error.NoDevice, r.Keyboard);
        Assert.True(r.MouseReady);
        Assert.True(rig.Driver.Controller.TimedOutWaits > 0);
    }

    [Fact]
    public void MissingMouseLeavesTheKeyboardWorking()
    {
        using var rig = new Rig(m => m.MouseConnected = false);
        var r = rig.Start();
        Assert.Equal(Ps2Error.NoDevice, r.Mouse);
        Assert.True(r.KeyboardReady);
        Assert.Equal((Ps2Config)0, r.FinalConfig & Ps2Config.Port2Interrupt);
    }

    [Fact]
    public void ResendStormIsBoundedAndReported()
    {
        using var rig = new Rig(m => m.Keyboard.ResendStorm = int.MaxValue);
        var r = rig.Start();
        Assert.Equal(Ps2Error.ResendStorm, r.Keyboard);
        Assert.True(r.MouseReady);
        // The reset was sent once and resent MaxResends times, no more.
        Assert.Equal(1 + Ps2Timeouts.Default.MaxResends, rig.Model.Keyboard.Received.Count);
    }

    [Fact]
    public void AFewResendsAreRetried()
    {
        using var rig = new Rig(m => m.Mouse.ResendStorm = 3);
        var r = rig.Start();
        Assert.True(r.MouseReady);
        Assert.Equal(3UL, rig.Driver.Controller.Resends);
    }

    [Fact]
    public void FailedPortTestDisablesThatPortOnly()
    {
        using var rig = new Rig(m => m.Port1TestResult = 0x03);
        var r = rig.Start();
        Assert.Equal(Ps2Error.PortTestFailed, r.Port1Test);
        Assert.Equal(3, r.PortTestCode);
        Assert.Equal(Ps2Error.PortTestFailed, r.Keyboard);
        Assert.Empty(rig.Model.Keyboard.Received);
        Assert.True(r.MouseReady);
    }

    [Fact]
    public void KeyboardFailingItsSelfTestIsReported()
    {
        using var rig = new Rig(m => m.Keyboard.SelfTestResult = 0xFC);
        var r = rig.Start();
        Assert.Equal(Ps2Error.DeviceSelfTestFailed, r.Keyboard);
        Assert.True(r.MouseReady);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    public void MouseModeFollowsTheKnocksItAnswers(byte maxId, byte expected)
    {
        using var rig = new Rig(m => m.Mouse.MaxId = maxId);
        var r = rig.Start();
        Assert.True(r.MouseReady);
        Assert.Equal(expected, r.MouseId);
        Assert.Equal(expected, rig.Model.Mouse.Id);
    }

    [Fact]
    public void InterruptWithNothingInTheBufferIsCountedAsSpurious()
    {
        using var rig = new Rig();
        rig.Start();
        rig.Model.RaiseSpurious(1);
        Assert.Equal(0, rig.Driver.HandleInterrupt());
        Assert.Equal(1UL, rig.Driver.State.SpuriousInterrupts);
        rig.Model.Keyboard.Tap(0x04);
        Assert.Equal(2, rig.Keys().Count);
    }

    [Fact]
    public void GarbageBytesAreCountedAndKeysStillDecode()
    {
        // Translation off, so the garbage reaches the decoder unchanged (translated, most bytes become keys).
        var options = Ps2Options.Default;
        options.Translation = false;
        using var rig = new Rig(options: options);
        rig.Start();
        rig.Model.Keyboard.InjectRaw(0x00, 0x60, 0xE0, 0x01, 0xE1, 0x02, 0x03, 0xFF, 0xF0, 0xF0);
        rig.Model.Mouse.InjectRaw(0x00, 0x01, 0x02);
        rig.Model.Keyboard.Tap(0x04);
        var keys = rig.Keys();
        Assert.Equal(2, keys.Count);
        Assert.Equal(0x04, keys[0].Usage);
        Assert.True(rig.Driver.State.InvalidKeyBytes + rig.Driver.State.IgnoredKeyBytes >= 4);
        Assert.Equal(3UL, rig.Driver.State.MouseDecoder.Resyncs);
    }
}
