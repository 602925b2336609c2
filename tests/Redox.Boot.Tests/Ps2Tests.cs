using System.Reflection;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// The PS/2 driver as a ring-3 daemon in a booted image (tests/Boot/Redox.Ps2Image): ps2d runs with exactly ports
/// 0x60/0x64 and IRQs 1/12, and the client (tests/Boot/Redox.Ps2Client) prints every record it reads from
/// <c>ps2:keyboard</c> and <c>ps2:mouse</c>. Input is injected through QEMU's monitor (<see cref="QemuMonitor"/>) step by
/// step, each step waiting for its records, and the whole stream must be exactly the expected one: nothing missing,
/// nothing extra, in order. The client ends after Escape and the kernel leaves QEMU through isa-debug-exit.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class Ps2Tests
{
    private const int TestTimeoutMs = 300_000;
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private static string Iso => Metadata("Ps2ImageIso");

    // tests/Boot/Redox.Ps2Set2Image: ps2d started with translation=off.
    private static string Set2Iso => Metadata("Ps2Set2ImageIso");

    private static string Metadata(string key) => typeof(Ps2Tests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>One injection and the records it must produce (the client's lines without their "ps2client: " prefix).</summary>
    private sealed record Step(string What, Action<QemuMonitor> Inject, params string[] Records);

    // Translation is on (ps2d's default), so the raw bytes are scancode set 1; the mouse is an IntelliMouse Explorer (ID 4).
    // HID usages: Keyboard/Keypad page (HID Usage Tables 1.5, §10). Modifier bits: 0x02 left shift, 0x08 left GUI,
    // 0x10 right control. Lock bits: 0x02 Caps Lock.
    private static readonly Step[] Script =
    [
        new("a", m => m.Hmp("sendkey a"),
            "key down 0004 mods 00 locks 00 set 1 raw 1e",
            "key up 0004 mods 00 locks 00 set 1 raw 9e"),
        new("shift-b: a modifier", m => m.Hmp("sendkey shift-b"),
            "key down 00e1 mods 02 locks 00 set 1 raw 2a",
            "key down 0005 mods 02 locks 00 set 1 raw 30",
            "key up 0005 mods 02 locks 00 set 1 raw b0",
            "key up 00e1 mods 00 locks 00 set 1 raw aa"),
        new("up: an E0 key", m => m.Hmp("sendkey up"),
            "key down 0052 mods 00 locks 00 set 1 raw e0 48",
            "key up 0052 mods 00 locks 00 set 1 raw e0 c8"),
        new("keypad enter", m => m.Hmp("sendkey kp_enter"),
            "key down 0058 mods 00 locks 00 set 1 raw e0 1c",
            "key up 0058 mods 00 locks 00 set 1 raw e0 9c"),
        new("right control", m => m.Hmp("sendkey ctrl_r"),
            "key down 00e4 mods 10 locks 00 set 1 raw e0 1d",
            "key up 00e4 mods 00 locks 00 set 1 raw e0 9d"),
        new("left GUI", m => m.Hmp("sendkey meta_l"),
            "key down 00e3 mods 08 locks 00 set 1 raw e0 5b",
            "key up 00e3 mods 00 locks 00 set 1 raw e0 db"),
        new("delete", m => m.Hmp("sendkey delete"),
            "key down 004c mods 00 locks 00 set 1 raw e0 53",
            "key up 004c mods 00 locks 00 set 1 raw e0 d3"),
        new("print screen: E0 2A E0 37", m => m.Hmp("sendkey print"),
            "key down 0046 mods 00 locks 00 set 1 raw e0 2a e0 37",
            "key up 0046 mods 00 locks 00 set 1 raw e0 b7"),
        new("pause: E1 1D 45 E1 9D C5", m => m.Hmp("sendkey pause"),
            "key down 0048 mods 00 locks 00 set 1 raw e1 1d 45",
            "key up 0048 mods 00 locks 00 set 1 raw e1 9d c5"),
        new("a held: make codes again while down are repeats", m =>
            {
                m.Key("a", down: true);
                m.Key("a", down: true);
                m.Key("a", down: true);
                m.Key("a", down: false);
            },
            "key down 0004 mods 00 locks 00 set 1 raw 1e",
            "key repeat 0004 mods 00 locks 00 set 1 raw 1e",
            "key repeat 0004 mods 00 locks 00 set 1 raw 1e",
            "key up 0004 mods 00 locks 00 set 1 raw 9e"),
        new("caps lock on: the LEDs are set while the keyboard streams", m => m.Hmp("sendkey caps_lock"),
            "key down 0039 mods 00 locks 02 set 1 raw 3a",
            "key up 0039 mods 00 locks 02 set 1 raw ba"),
        new("a with caps lock", m => m.Hmp("sendkey a"),
            "key down 0004 mods 00 locks 02 set 1 raw 1e",
            "key up 0004 mods 00 locks 02 set 1 raw 9e"),
        new("caps lock off", m => m.Hmp("sendkey caps_lock"),
            "key down 0039 mods 00 locks 00 set 1 raw 3a",
            "key up 0039 mods 00 locks 00 set 1 raw ba"),
        // QEMU's y grows downwards; PS/2's (and the record's) upwards.
        new("mouse moves", m => m.Hmp("mouse_move 10 20"),
            "mouse dx 10 dy -20 wheel 0 buttons 00 id 4"),
        new("mouse moves back", m => m.Hmp("mouse_move -5 3"),
            "mouse dx -5 dy -3 wheel 0 buttons 00 id 4"),
        // HMP's button mask: 1 left, 2 right, 4 middle (QEMU's MOUSE_EVENT_*BUTTON); the record's is the same.
        new("left button", m => m.Hmp("mouse_button 1"),
            "mouse dx 0 dy 0 wheel 0 buttons 01 id 4"),
        new("left and right", m => m.Hmp("mouse_button 3"),
            "mouse dx 0 dy 0 wheel 0 buttons 03 id 4"),
        new("middle alone", m => m.Hmp("mouse_button 4"),
            "mouse dx 0 dy 0 wheel 0 buttons 04 id 4"),
        new("all released", m => m.Hmp("mouse_button 0"),
            "mouse dx 0 dy 0 wheel 0 buttons 00 id 4"),
        // QEMU's input layer carries a wheel step as a button press and release: the packet with the step, then one
        // without it (the release). HMP dz +1 reaches the mouse as Z = -1, dz -1 as +1 (QEMU's sign, as observed).
        new("wheel", m => m.Hmp("mouse_move 0 0 1"),
            "mouse dx 0 dy 0 wheel -1 buttons 00 id 4",
            "mouse dx 0 dy 0 wheel 0 buttons 00 id 4"),
        new("wheel back with a move", m => m.Hmp("mouse_move 3 -4 -1"),
            "mouse dx 3 dy 4 wheel 1 buttons 00 id 4",
            "mouse dx 0 dy 0 wheel 0 buttons 00 id 4"),
        new("buttons 4 and 5 (ID 4 only)", m =>
            {
                m.Button("side", down: true);
                m.Button("side", down: false);
                m.Button("extra", down: true);
                m.Button("extra", down: false);
            },
            "mouse dx 0 dy 0 wheel 0 buttons 08 id 4",
            "mouse dx 0 dy 0 wheel 0 buttons 00 id 4",
            "mouse dx 0 dy 0 wheel 0 buttons 10 id 4",
            "mouse dx 0 dy 0 wheel 0 buttons 00 id 4"),
        new("escape ends the client", m => m.Hmp("sendkey esc"),
            "key down 0029 mods 00 locks 00 set 1 raw 01",
            "key up 0029 mods 00 locks 00 set 1 raw 81"),
    ];

    // Each set-1 key sequence of the script and what QEMU's keyboard sends for the same key in set 2 (translation off):
    // break = F0 before the make's last byte; Print Screen's fake-shift break (E0 F0 12) is not a key, so its up record
    // holds E0 F0 7C; Pause has no break and is reported as down then up (Redox.Drivers.Ps2 README, "Scancode sets").
    private static readonly Dictionary<string, string> Set2Raw = new()
    {
        ["1e"] = "1c", ["9e"] = "f0 1c",                         // a
        ["2a"] = "12", ["aa"] = "f0 12",                         // left shift
        ["30"] = "32", ["b0"] = "f0 32",                         // b
        ["e0 48"] = "e0 75", ["e0 c8"] = "e0 f0 75",             // up
        ["e0 1c"] = "e0 5a", ["e0 9c"] = "e0 f0 5a",             // keypad enter
        ["e0 1d"] = "e0 14", ["e0 9d"] = "e0 f0 14",             // right control
        ["e0 5b"] = "e0 1f", ["e0 db"] = "e0 f0 1f",             // left GUI
        ["e0 53"] = "e0 71", ["e0 d3"] = "e0 f0 71",             // delete
        ["e0 2a e0 37"] = "e0 12 e0 7c", ["e0 b7"] = "e0 f0 7c", // print screen
        ["e1 1d 45"] = "e1 14 77", ["e1 9d c5"] = "e1 f0 14 f0 77", // pause
        ["3a"] = "58", ["ba"] = "f0 58",                         // caps lock
        ["01"] = "76", ["81"] = "f0 76",                         // escape
    };

    // A set-1 record of the script as the set-2 image must report it: same usage, kind, modifiers and locks; set 2 raw bytes.
    private static string AsSet2(string record)
    {
        const string Marker = " set 1 raw ";
        int at = record.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return record; // a mouse record
        string raw = record[(at + Marker.Length)..];
        Assert.True(Set2Raw.TryGetValue(raw, out string? set2), $"no set-2 bytes for set-1 '{raw}'");
        return record[..at] + " set 2 raw " + set2;
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("pc")]
    [InlineData("q35")]
    public Task Keys_and_mouse_input_from_QEMU_reach_a_client_through_ps2d_as_exactly_the_expected_records(string machine)
        => RunScript(Iso, machine, set2: false);

    [Fact(Timeout = TestTimeoutMs)]
    public Task With_translation_off_QEMUs_keyboard_speaks_scancode_set_2_and_ps2d_reports_the_same_keys()
        => RunScript(Set2Iso, "pc", set2: true);

    private static async Task RunScript(string iso, string machine, bool set2)
    {
        string socketPath = QemuMonitor.NewSocketPath();
        var records = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        void OnLine(string line)
        {
            const string Prefix = "ps2client: ";
            int at = line.IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0) return;
            string said = line[(at + Prefix.Length)..].TrimEnd('\r');
            if (said == "ready") ready.TrySetResult();
            else if (said.StartsWith("key ", StringComparison.Ordinal) || said.StartsWith("mouse ", StringComparison.Ordinal))
                lock (records) records.Add(said);
        }
        Task<BootResult> boot = Task.Run(() => Qemu.Boot(iso, BootTimeout, uefi: false,
            ["-machine", machine, .. QemuMonitor.Arguments(socketPath)], OnLine, stop.Token));
        try
        {
            Task first = await Task.WhenAny(ready.Task, boot, Task.Delay(BootTimeout));
            if (first != ready.Task)
                Assert.Fail("the client never said ready:\n" + (boot.IsCompleted ? (await boot).Serial : "(QEMU still running)"));
            using QemuMonitor monitor = QemuMonitor.Connect(socketPath, TimeSpan.FromSeconds(10));
            var expected = new List<string>();
            foreach (Step step in Script)
            {
                step.Inject(monitor);
                expected.AddRange(set2 ? step.Records.Select(AsSet2) : step.Records);
                // Each step's records before the next step: a failure names the step, and a late record cannot pass.
                DateTime deadline = DateTime.UtcNow + StepTimeout;
                while (Count(records) < expected.Count && DateTime.UtcNow < deadline && !boot.IsCompleted) await Task.Delay(20);
                Assert.True(Count(records) >= expected.Count, $"step '{step.What}': records missing\nexpected:\n{string.Join("\n", expected)}\ngot:\n{string.Join("\n", Snapshot(records))}");
            }
            BootResult result = await boot;

            Assert.False(result.TimedOut, result.Serial);
            Assert.Equal(expected, Snapshot(records));
            Assert.Contains("ps2d: controller: ok", result.KernelLog);
            Assert.Contains(set2 ? "ps2d: keyboard: ready, id 0xab83, scancode set 2\n" : "ps2d: keyboard: ready, id 0xab83, scancode set 1 (translated)",
                result.KernelLog.Replace("\r\n", "\n"));
            Assert.Contains("ps2d: mouse: ready, id 4", result.KernelLog);
            Assert.Contains("ps2client: escape released; done", result.KernelLog);
            Assert.Contains("(ps2client) exited with code 0", result.KernelLog);
            Assert.Contains("(ps2d) ended by signal 15", result.KernelLog);
            Assert.DoesNotContain("init: restarting", result.KernelLog);
            Assert.Equal(BootResult.Passed, result.ExitCode);
        }
        finally
        {
            // On any failure QEMU is ended now (by its pid, inside Qemu.Boot), not at the boot timeout.
            stop.Cancel();
            await boot;
            File.Delete(socketPath);
        }
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Without_an_i8042_ps2d_reports_it_and_exits_cleanly_and_no_scheme_appears()
    {
        BootResult result = await Task.Run(() => Qemu.Boot(Iso, BootTimeout, uefi: false, ["-machine", "pc,i8042=off"]));

        Assert.False(result.TimedOut, result.Serial);
        Assert.Contains("ps2d: controller: no controller", result.KernelLog);
        Assert.Contains("ps2d: nothing to serve; exiting", result.KernelLog);
        Assert.Contains("(ps2d) exited with code 0", result.KernelLog);
        Assert.DoesNotContain("init: restarting ps2d", result.KernelLog);
        // The client waited for a scheme that never came (ENODEV = 19) and failed: the image's status says so.
        Assert.Contains("ps2client: FAILED: open ps2:keyboard, errno 19", result.KernelLog);
        Assert.Equal(BootResult.Failed, result.ExitCode);
    }

    private static int Count(List<string> records)
    {
        lock (records) return records.Count;
    }

    private static List<string> Snapshot(List<string> records)
    {
        lock (records) return [.. records];
    }
}
