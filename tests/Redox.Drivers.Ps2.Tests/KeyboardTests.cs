using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Redox.Drivers.Ps2;
using Redox.Testing.Ps2;
using Xunit;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>Every key of the 105-key layout through the keyboard model, the i8042 (translation on and off) and the decoder.</summary>
public class KeyboardTests
{
    public static TheoryData<bool> Modes => new() { true, false };

    private static Rig StartRig(bool translation, int queue = 256)
    {
        var options = Ps2Options.Default;
        options.Translation = translation;
        options.KeyboardQueue = queue;
        options.MouseQueue = queue;
        var rig = new Rig(options: options);
        var r = rig.Start();
        Assert.True(r.KeyboardReady);
        return rig;
    }

    // The bytes the driver should report for a make / break of usage in the given mode.
    private static byte[] ExpectedRaw(byte usage, KeyEventKind kind, bool translation)
    {
        byte[] set2 = usage == Ps2ScancodeModel.Pause
            ? (kind == KeyEventKind.Up ? new byte[] { 0xE1, 0xF0, 0x14, 0xF0, 0x77 } : new byte[] { 0xE1, 0x14, 0x77 })
            : kind == KeyEventKind.Up
                ? (usage == Ps2ScancodeModel.PrintScreen ? new byte[] { 0xE0, 0xF0, 0x7C } : Ps2ScancodeModel.Set2Break(usage))
                : Ps2ScancodeModel.Set2Make(usage);
        return translation ? Ps2ScancodeModel.ToSet1(set2) : set2;
    }

    [Fact]
    public void TheLayoutHas105Keys()
    {
        Assert.Equal(105, Ps2ScancodeModel.Keys.Count);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EveryKeyRoundTripsWithDownRepeatUpAndRawBytes(bool translation)
    {
        using var rig = StartRig(translation);
        foreach (byte usage in Ps2ScancodeModel.Keys)
        {
            Assert.True(rig.Model.Keyboard.Hold(usage, repeats: 2));
            var events = rig.Keys();
            KeyEventKind[] expected = usage == Ps2ScancodeModel.Pause
                ? new[] { KeyEventKind.Down, KeyEventKind.Up }
                : new[] { KeyEventKind.Down, KeyEventKind.Repeat, KeyEventKind.Repeat, KeyEventKind.Up };
            Assert.Equal(expected, events.Select(e => e.Kind).ToArray());
            foreach (var e in events)
            {
                Assert.Equal(usage, e.Usage);
                Assert.Equal(translation ? ScancodeSet.Set1 : ScancodeSet.Set2, e.Set);
                Assert.Equal(ExpectedRaw(usage, e.Kind, translation), Rig.Raw(e));
            }
            // A lock key toggled its lock: tap it again so every key starts with the locks off.
            if (usage == 0x39 || usage == 0x47 || usage == 0x53)
            {
                rig.Model.Keyboard.Tap(usage);
                rig.Keys();
            }
        }
        Assert.Equal(0UL, rig.Driver.State.InvalidKeyBytes);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ModifiersAndLocksAndTheirLeds(bool translation)
    {
        using var rig = StartRig(translation);
        var kb = rig.Model.Keyboard;
        kb.Press(0xE1); // left shift
        kb.Press(0xE6); // right alt (E0 11 / E0 38)
        kb.Tap(0x04);
        kb.Release(0xE1);
        kb.Release(0xE6);
        var e = rig.Keys();
        Assert.Equal(0x02, e[0].Modifiers);
        Assert.Equal(0x42, e[1].Modifiers);
        Assert.Equal(0x42, e[2].Modifiers);
        Assert.Equal(0x40, e[4].Modifiers);
        Assert.Equal(0x00, e[5].Modifiers);

        kb.Tap(0x39); // caps lock on
        var caps = rig.Keys();
        Assert.Equal(LockState.CapsLock, caps[0].Locks);
        Assert.Equal(0x04, kb.Leds);
        kb.Tap(0x53); // num lock on
        rig.Keys();
        Assert.Equal(0x06, kb.Leds);
        kb.Hold(0x47, repeats: 3); // scroll lock: repeats must not toggle again
        var scroll = rig.Keys();
        Assert.All(scroll, k => Assert.Equal(LockState.CapsLock | LockState.NumLock | LockState.ScrollLock, k.Locks));
        Assert.Equal(0x07, kb.Leds);
        kb.Tap(0x39); // caps lock off
        rig.Keys();
        Assert.Equal(0x03, kb.Leds);
        Assert.Equal(0UL, rig.Driver.State.LedFailures);
    }

    [Theory]
    [InlineData(new byte[] { 0xE0, 0x2A, 0xE0, 0x52 }, 0x49, false, new byte[] { 0xE0, 0x2A, 0xE0, 0x52 })] // Insert, Num Lock on
    [InlineData(new byte[] { 0xE0, 0xAA, 0xE0, 0x52 }, 0x49, false, new byte[] { 0xE0, 0x52 })]             // Insert, Shift held
    [InlineData(new byte[] { 0xE0, 0xD2, 0xE0, 0xAA }, 0x49, true, new byte[] { 0xE0, 0xD2 })]              // its break; trailing fake dropped
    [InlineData(new byte[] { 0x54 }, 0x46, false, new byte[] { 0x54 })]                                     // Alt+Print Screen (SysRq)
    [InlineData(new byte[] { 0xE0, 0x46 }, 0x48, false, new byte[] { 0xE0, 0x46 })]                         // Ctrl+Pause (Break)
    public void Set1FakeShiftsAndAliases(byte[] input, byte usage, bool isBreak, byte[] raw)
    {
        var decoder = new ScancodeDecoder(ScancodeSet.Set1);
        var strokes = new List<KeyStroke>();
        foreach (byte b in input)
        {
            if (decoder.Feed(b, out KeyStroke s) == DecodeStatus.Complete)
            {
                strokes.Add(s);
            }
        }
        var only = Assert.Single(strokes);
        Assert.Equal(usage, only.Usage);
        Assert.Equal(isBreak, only.Break);
        Assert.Equal(raw, RawOf(only));
    }

    [Fact]
    public void Set2FakeShiftsAndAliases()
    {
        var decoder = new ScancodeDecoder(ScancodeSet.Set2);
        var strokes = new List<KeyStroke>();
        foreach (byte b in new byte[] { 0xE0, 0x59, 0xE0, 0x70, 0xE0, 0xF0, 0x70, 0xE0, 0xF0, 0x59, 0x84, 0xE0, 0x7E })
        {
            if (decoder.Feed(b, out KeyStroke s) == DecodeStatus.Complete)
            {
                strokes.Add(s);
            }
        }
        Assert.Equal(new byte[] { 0x49, 0x49, 0x46, 0x48 }, strokes.Select(s => s.Usage).ToArray());
        Assert.Equal(new[] { false, true, false, false }, strokes.Select(s => s.Break).ToArray());
        Assert.Equal(new byte[] { 0xE0, 0x59, 0xE0, 0x70 }, RawOf(strokes[0]));
    }

    private static unsafe byte[] RawOf(KeyStroke s)
    {
        var bytes = new byte[s.RawLength];
        for (int i = 0; i < s.RawLength; i++)
        {
            bytes[i] = s.Raw[i];
        }
        return bytes;
    }

    // One step of a random session: a key press, release or held key, or a mouse packet.
    private sealed record Step(int Kind, byte Usage, int Repeats, int Dx, int Dy, int Wheel, byte Buttons);

    private static readonly Gen<Step> GenStep =
        Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, 104], k => new Step(0, Ps2ScancodeModel.Keys[k], 0, 0, 0, 0, 0))),
            (3, Gen.Select(Gen.Int[0, 104], k => new Step(1, Ps2ScancodeModel.Keys[k], 0, 0, 0, 0, 0))),
            (1, Gen.Select(Gen.Int[0, 104], Gen.Int[0, 4], (k, n) => new Step(2, Ps2ScancodeModel.Keys[k], n, 0, 0, 0, 0))),
            (3, Gen.Select(Gen.Int[-256, 255], Gen.Int[-256, 255], Gen.Int[-8, 7], Gen.Byte[0, 31],
                (dx, dy, w, b) => new Step(3, 0, 0, dx, dy, w, b))));

    [Theory]
    [MemberData(nameof(Modes))]
    public void RandomKeySequencesInterleavedWithMouseDecodeExactly(bool translation)
    {
        Gen.Select(GenStep.Array[1, 40], Gen.Int[1, 6]).Sample((steps, pumpEvery) =>
        {
            using var rig = StartRig(translation, queue: 1024);
            var expectedKeys = new List<(byte, KeyEventKind)>();
            var expectedMoves = new List<(int, int, int, int)>();
            var down = new HashSet<byte>();
            var actualKeys = new List<KeyEvent>();
            var actualMoves = new List<MouseEvent>();
            void Make(byte u)
            {
                if (u == Ps2ScancodeModel.Pause)
                {
                    expectedKeys.Add((u, KeyEventKind.Down));
                    expectedKeys.Add((u, KeyEventKind.Up));
                    return;
                }
                expectedKeys.Add((u, down.Add(u) ? KeyEventKind.Down : KeyEventKind.Repeat));
            }
            void Break(byte u)
            {
                if (u != Ps2ScancodeModel.Pause)
                {
                    down.Remove(u);
                    expectedKeys.Add((u, KeyEventKind.Up));
                }
            }
            for (int i = 0; i < steps.Length; i++)
            {
                var s = steps[i];
                switch (s.Kind)
                {
                    case 0:
                        rig.Model.Keyboard.Press(s.Usage);
                        Make(s.Usage);
                        break;
                    case 1:
                        rig.Model.Keyboard.Release(s.Usage);
                        Break(s.Usage);
                        break;
                    case 2:
                        rig.Model.Keyboard.Hold(s.Usage, s.Repeats);
                        Make(s.Usage);
                        if (s.Usage != Ps2ScancodeModel.Pause)
                        {
                            for (int r = 0; r < s.Repeats; r++)
                            {
                                Make(s.Usage);
                            }
                        }
                        Break(s.Usage);
                        break;
                    default:
                        rig.Model.Mouse.Buttons = s.Buttons;
                        rig.Model.Mouse.Move(s.Dx, s.Dy, s.Wheel);
                        expectedMoves.Add((s.Dx, s.Dy, s.Wheel, s.Buttons));
                        break;
                }
                if (i % pumpEvery == 0)
                {
                    actualKeys.AddRange(rig.Keys());
                    actualMoves.AddRange(rig.Moves());
                }
            }
            actualKeys.AddRange(rig.Keys());
            actualMoves.AddRange(rig.Moves());
            Assert.Equal(expectedKeys, actualKeys.Select(k => ((byte)k.Usage, k.Kind)).ToList());
            Assert.Equal(expectedMoves, actualMoves.Select(m => ((int)m.Dx, (int)m.Dy, (int)m.Wheel, (int)(byte)m.Buttons)).ToList());
            Assert.Equal(0UL, rig.Driver.State.InvalidKeyBytes);
        }, iter: 150);
    }
}
