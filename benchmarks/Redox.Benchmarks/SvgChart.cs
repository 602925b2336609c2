using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace Redox.Benchmarks;

/// <summary>
/// The chart of a run (plain SVG, no library): guest instructions per operation, Redox.NET beside its Linux peer, and
/// hosted time per round trip coloured by how the two sides wait. Both axes are logarithmic: the figures span three
/// orders of magnitude.
/// </summary>
internal static class SvgChart
{
    private const int Width = 900, Left = 300, Right = 90, BarHeight = 14, Gap = 6;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The whole SVG document.</summary>
    public static string Render(Report report)
    {
        var guest = new List<(string Label, long? Ours, long? Peer, string? PeerName)>();
        foreach (GuestRow row in GuestRow.All)
        {
            guest.Add((row.Name, report.Ours(row), report.Peer(row), row.PeerName));
        }
        var svg = new StringBuilder();
        int y = 30;
        var body = new StringBuilder();
        y = Panel(body, y, "Guest: instructions per operation (qemu -icount shift=0), log scale",
            guest.SelectMany(g => new[]
            {
                ("Redox.NET: " + g.Label, g.Ours is long o ? (double?)o : null, "#1f6feb", Count(g.Ours)),
                ("Linux: " + (g.PeerName ?? "(no peer)"), g.Peer is long p ? (double?)p : null, "#8b949e", Count(g.Peer)),
            }).Where(b => !b.Item1.EndsWith("(no peer)", StringComparison.Ordinal)).ToList());
        y += 20;
        y = Panel(body, y, "Hosted: time per operation (BenchmarkDotNet), log scale; colour = how the sides wait",
            report.Hosted.Select(h => (h.Name + " (" + h.WaitsBy + ")", double.IsNaN(h.MeanNs) ? null : (double?)h.MeanNs,
                Colour(h.WaitsBy), Report.Time(h.MeanNs))).ToList());
        svg.AppendLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{y + 10}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine($"<rect width=\"{Width}\" height=\"{y + 10}\" fill=\"white\"/>");
        svg.AppendLine("<text x=\"10\" y=\"18\" font-size=\"15\" font-weight=\"bold\">Redox.NET IPC latency beside Linux (lower is better)</text>");
        svg.Append(body);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Colour(string waitsBy) => waitsBy switch
    {
        "spin" => "#d29922",
        "block" => "#8b949e",
        "none (one thread)" => "#2da44e",
        _ => "#1f6feb",
    };

    private static int Panel(StringBuilder svg, int y, string title, List<(string Label, double? Value, string Colour, string Text)> bars)
    {
        svg.AppendLine($"<text x=\"10\" y=\"{y + 14}\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        y += 24;
        double[] values = bars.Where(b => b.Value is > 0).Select(b => b.Value!.Value).ToArray();
        if (values.Length == 0)
        {
            svg.AppendLine($"<text x=\"10\" y=\"{y + 12}\">not measured</text>");
            return y + 20;
        }
        double low = Math.Pow(10, Math.Floor(Math.Log10(values.Min()))), high = Math.Pow(10, Math.Ceiling(Math.Log10(values.Max())));
        if (high <= low)
        {
            high = low * 10;
        }
        int plot = Width - Left - Right, top = y, height = bars.Count * (BarHeight + Gap);
        double X(double v) => Left + plot * (Math.Log10(v) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low));
        for (double tick = low; tick <= high * 1.001; tick *= 10)
        {
            string x = X(tick).ToString("0.0", Invariant);
            svg.AppendLine($"<line x1=\"{x}\" y1=\"{top - 4}\" x2=\"{x}\" y2=\"{top + height}\" stroke=\"#d0d7de\"/>");
            svg.AppendLine($"<text x=\"{x}\" y=\"{top + height + 14}\" text-anchor=\"middle\" fill=\"#57606a\">{Tick(tick)}</text>");
        }
        foreach (var bar in bars)
        {
            svg.AppendLine($"<text x=\"{Left - 6}\" y=\"{y + BarHeight - 3}\" text-anchor=\"end\">{WebUtility.HtmlEncode(bar.Label)}</text>");
            if (bar.Value is double v && v > 0)
            {
                double w = Math.Max(1, X(v) - Left);
                svg.AppendLine($"<rect x=\"{Left}\" y=\"{y}\" width=\"{w.ToString("0.0", Invariant)}\" height=\"{BarHeight}\" fill=\"{bar.Colour}\"/>");
                svg.AppendLine($"<text x=\"{(Left + w + 4).ToString("0.0", Invariant)}\" y=\"{y + BarHeight - 3}\">{WebUtility.HtmlEncode(bar.Text)}</text>");
            }
            else
            {
                svg.AppendLine($"<text x=\"{Left + 4}\" y=\"{y + BarHeight - 3}\" fill=\"#57606a\">not measured</text>");
            }
            y += BarHeight + Gap;
        }
        return y + 20;
    }

    private static string Tick(double v) => v >= 1e6 ? (v / 1e6).ToString("0", Invariant) + "M" : v >= 1e3 ? (v / 1e3).ToString("0", Invariant) + "k" : v.ToString("0", Invariant);

    private static string Count(long? v) => v is long c ? c.ToString("N0", Invariant) : "—";
}
