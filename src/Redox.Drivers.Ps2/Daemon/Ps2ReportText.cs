using System;

namespace Redox.Drivers.Ps2;

/// <summary>Words for the daemon's log: what initialisation found, one line per part (controller, keyboard, mouse).</summary>
public static class Ps2ReportText
{
    /// <summary>The name of <paramref name="error"/> as the log prints it (lowercase words).</summary>
    public static ReadOnlySpan<byte> Name(Ps2Error error) => error switch
    {
        Ps2Error.None => "ok"u8,
        Ps2Error.Timeout => "timeout"u8,
        Ps2Error.ResendStorm => "resend storm"u8,
        Ps2Error.UnexpectedResponse => "unexpected response"u8,
        Ps2Error.NoController => "no controller"u8,
        Ps2Error.SelfTestFailed => "controller self-test failed"u8,
        Ps2Error.PortTestFailed => "port test failed"u8,
        Ps2Error.NoDevice => "no device"u8,
        Ps2Error.DeviceSelfTestFailed => "device self-test failed"u8,
        Ps2Error.NoSecondPort => "no second port"u8,
        Ps2Error.InvalidArgument => "invalid argument"u8,
        _ => "unknown error"u8,
    };

    /// <summary>
    /// The controller line: <c>controller: ok, config 0x47, dual channel</c>, or <c>controller: no controller</c>.
    /// The value is the bytes written to <paramref name="line"/>.
    /// </summary>
    public static int Controller(in Ps2InitReport report, Span<byte> line, ReadOnlySpan<byte> name)
    {
        var text = new DaemonLine(line, name);
        text.Text("controller: "u8);
        text.Text(Name(report.Controller));
        if (report.Controller == Ps2Error.None)
        {
            text.Text(", config "u8);
            text.Hex((byte)report.FinalConfig, 2);
            text.Text(report.DualChannel ? ", dual channel"u8 : ", one channel"u8);
        }
        return text.Written.Length;
    }

    /// <summary>
    /// The keyboard line: <c>keyboard: ready, id 0xab83, scancode set 1 (translated)</c>, or
    /// <c>keyboard: not served (no device)</c>. The value is the bytes written to <paramref name="line"/>.
    /// </summary>
    public static int Keyboard(in Ps2InitReport report, Span<byte> line, ReadOnlySpan<byte> name)
    {
        var text = new DaemonLine(line, name);
        text.Text("keyboard: "u8);
        if (!report.KeyboardReady)
        {
            text.Text("not served ("u8);
            text.Text(Name(report.Keyboard));
            text.Text(")"u8);
            return text.Written.Length;
        }
        text.Text("ready, id "u8);
        text.Hex(report.KeyboardId, 4);
        text.Text((report.FinalConfig & Ps2Config.Translation) != 0 ? ", scancode set 1 (translated)"u8 : ", scancode set 2"u8);
        return text.Written.Length;
    }

    /// <summary>
    /// The mouse line: <c>mouse: ready, id 3</c>, or <c>mouse: not served (no second port)</c>. The value is the bytes
    /// written to <paramref name="line"/>.
    /// </summary>
    public static int Mouse(in Ps2InitReport report, Span<byte> line, ReadOnlySpan<byte> name)
    {
        var text = new DaemonLine(line, name);
        text.Text("mouse: "u8);
        if (!report.MouseReady)
        {
            text.Text("not served ("u8);
            text.Text(Name(report.Mouse));
            text.Text(")"u8);
            return text.Written.Length;
        }
        text.Text("ready, id "u8);
        text.Decimal(report.MouseId);
        return text.Written.Length;
    }
}
