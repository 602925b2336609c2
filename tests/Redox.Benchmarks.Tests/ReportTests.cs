using System.Xml.Linq;
using Xunit;

namespace Redox.Benchmarks.Tests;

public sealed class ReportTests
{
    private static Report Sample(List<string>? linux = null, string? linuxFailure = null) => new()
    {
        GuestLines = SampleLogs.Guest,
        LinuxLines = linux ?? SampleLogs.Linux,
        LinuxFailure = linuxFailure,
        Hosted =
        [
            new HostedRow("HostedScheme", "spin ≤ 50 µs, then block", 1000, 50, 0, "ours"),
            new HostedRow("CacheLinePingPong", "spin", 250, 10, 0, "floor"),
            new HostedRow("Pipe", "block", 40000, 900, 0, "pipe"),
        ],
        MachineLines = ["- host: test"],
        Options = new RunOptions { Cpu = "qemu64" },
    };

    [Fact]
    public void Each_guest_row_shows_its_ratio_to_linux()
    {
        string markdown = Sample().ToMarkdown();

        Assert.Contains("| IPC round trip, read 1 B | 3,411 | pipe round trip 1 B | 12,972 | 0.26× |", markdown);
        Assert.Contains("| null syscall | 192 | getppid | 335 | 0.57× |", markdown);
        Assert.Contains("| IRQ to driver | 1,605 | (none) | — | — |", markdown);
    }

    [Fact]
    public void Hosted_rows_are_labelled_and_divided_by_the_spin_floor()
    {
        string markdown = Sample().ToMarkdown();

        Assert.Contains("| HostedScheme | spin ≤ 50 µs, then block | 1.00 µs |", markdown);
        Assert.Contains("| 0 B | 4.0× |", markdown);
        Assert.Contains("| Pipe | block | 40.0 µs |", markdown);
        Assert.Contains("| 0 B | 160.0× |", markdown);
    }

    [Fact]
    public void Goals_say_met_or_not_from_the_figures()
    {
        string markdown = Sample().ToMarkdown();

        Assert.Contains("| guest IPC round trip (1 B) ≤ 1,000 instructions | 3,411 | **no** |", markdown);
        Assert.Contains("| hosted round trip ≤ 2× the spinning cache-line ping-pong | 4.0× | **no** |", markdown);
        Assert.Contains("| hosted round trip allocates 0 B per request | 0 B | yes |", markdown);
    }

    [Fact]
    public void A_skipped_linux_guest_is_said_and_its_cells_are_empty()
    {
        string markdown = Sample([], "linux-bench: skipped: apt-get download linux-image-6.1.0-57-amd64 failed").ToMarkdown();

        Assert.Contains("Linux guest: **not measured**: linux-bench: skipped: apt-get download", markdown);
        Assert.Contains("| IPC round trip, read 1 B | 3,411 | pipe round trip 1 B | — | — |", markdown);
        Assert.Contains("≤ 0.08× the Linux pipe round trip | — | not measured |", markdown);
    }

    [Fact]
    public void The_chart_is_well_formed_svg_with_a_bar_per_measured_figure()
    {
        XDocument svg = XDocument.Parse(SvgChart.Render(Sample()));
        XNamespace ns = "http://www.w3.org/2000/svg";

        // 1 background + 8 Redox.NET guest bars + 7 Linux bars (the IRQ row has none) + 3 hosted bars.
        Assert.Equal(1 + 8 + 7 + 3, svg.Descendants(ns + "rect").Count());
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "3,411");
    }

    [Fact]
    public void The_chart_of_a_run_without_figures_says_so()
    {
        var empty = new Report
        {
            GuestLines = [], LinuxLines = [], Hosted = [], MachineLines = [], Options = new RunOptions(),
        };

        string svg = SvgChart.Render(empty);

        XDocument.Parse(svg);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(svg, ">not measured<").Count);
    }

    [Fact]
    public void An_unknown_argument_is_refused_with_the_usage()
    {
        var error = new StringWriter();
        TextWriter saved = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Null(RunOptions.Parse(["--fast"]));
        }
        finally
        {
            Console.SetError(saved);
        }
        Assert.Contains("unknown argument '--fast'", error.ToString());
        Assert.Contains("--quick", error.ToString());
    }
}
