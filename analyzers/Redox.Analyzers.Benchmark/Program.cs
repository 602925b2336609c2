using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Redox.Analyzers;
using Redox.Analyzers.Benchmark;

// Build-time overhead of the Redox analyzers on a driver-sized project.
// Baseline: fresh compilation -> GetDiagnostics() -> Emit. With analyzers: fresh compilation ->
// CompilationWithAnalyzers.GetAllDiagnosticsAsync() (compiler + analyzer diagnostics) -> Emit.
// Both orders alternate; medians are reported.
int schemes = args.Length > 0 ? int.Parse(args[0]) : 24;
int repeats = args.Length > 1 ? int.Parse(args[1]) : 9;

var parse = new CSharpParseOptions(LanguageVersion.Latest);
var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(SyntheticDriver.Stubs, parse, "Stubs.cs") };
for (int i = 0; i < schemes; i++)
{
    trees.Add(CSharpSyntaxTree.ParseText(SyntheticDriver.Scheme(i), parse, $"Scheme{i}.cs"));
}

int lines = trees.Sum(t => t.GetText().Lines.Count);
int write = Array.IndexOf(args, "--write");
if (write >= 0)
{
    // Writes the synthetic sources for the dotnet build measurement (see analyzers/BENCHMARK.md).
    Directory.CreateDirectory(args[write + 1]);
    foreach (var tree in trees)
    {
        File.WriteAllText(Path.Combine(args[write + 1], tree.FilePath), tree.GetText().ToString());
    }

    Console.WriteLine($"wrote {trees.Count} files ({lines} lines) to {args[write + 1]}");
    return;
}

var references = ReferencePack();
var allowList = AllowList(references);
var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var options = new AnalyzerOptions(
    ImmutableArray.Create<AdditionalText>(new MemoryText("/corelib.redoxapi", allowList)),
    new BenchmarkOptionsProvider(new Dictionary<string, string> { ["build_property.RedoxBareMetal"] = "true" }));

Console.WriteLine($"Synthetic driver: {schemes} schemes, {trees.Count} files, {lines} lines; {analyzers.Length} analyzers; allow-list {allowList.Split('\n').Length} IDs");
Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}");

if (args.Contains("--follow-calls"))
{
    // What following direct calls from handlers costs (analyzers/BENCHMARK.md, section 3): all analyzers,
    // the same compilation built afresh each run, with redox_noalloc_follow_calls on and off, alternating
    // in one process so both see the same machine load. Process CPU time is reported beside wall time: on a
    // shared machine it moves far less with the other processes' load.
    var on = new List<double>();
    var off = new List<double>();
    var cpuOn = new List<double>();
    var cpuOff = new List<double>();
    int reportedOn = 0, reportedOff = 0;
    for (int round = -2; round < repeats; round++)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            bool follow = (pass == 0) == ((round & 1) == 0);
            var settings = new Dictionary<string, string> { ["build_property.RedoxBareMetal"] = "true", ["redox_noalloc_follow_calls"] = follow ? "true" : "false" };
            var runOptions = new AnalyzerOptions(options.AdditionalFiles, new BenchmarkOptionsProvider(settings));
            var compilation = CSharpCompilation.Create("Drivers", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(runOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false)).GetAllDiagnosticsAsync();
            watch.Stop();
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            int count = diagnostics.Count(d => d.Id.StartsWith("RDX", StringComparison.Ordinal));
            if (follow) { reportedOn = count; } else { reportedOff = count; }
            if (round >= 0)
            {
                (follow ? on : off).Add(watch.Elapsed.TotalMilliseconds);
                (follow ? cpuOn : cpuOff).Add(cpuMs);
            }
        }
    }

    double mOn = Median(on), mOff = Median(off);
    Console.WriteLine($"analysis with follow-calls on:  median {mOn:F0} ms, {reportedOn} RDX diagnostics  (runs: {string.Join(", ", on.Select(x => x.ToString("F0")))})");
    Console.WriteLine($"analysis with follow-calls off: median {mOff:F0} ms, {reportedOff} RDX diagnostics  (runs: {string.Join(", ", off.Select(x => x.ToString("F0")))})");
    Console.WriteLine($"cost of following calls: {mOn - mOff:F0} ms = {(mOn - mOff) / mOff * 100:F1}% of the analysis (wall)");
    double cOn = Median(cpuOn), cOff = Median(cpuOff);
    Console.WriteLine($"CPU time, on:  median {cOn:F0} ms  (runs: {string.Join(", ", cpuOn.Select(x => x.ToString("F0")))})");
    Console.WriteLine($"CPU time, off: median {cOff:F0} ms  (runs: {string.Join(", ", cpuOff.Select(x => x.ToString("F0")))})");
    Console.WriteLine($"cost of following calls: {cOn - cOff:F0} ms CPU = {(cOn - cOff) / cOff * 100:F1}% of the analysis (CPU)");
    return;
}

var baseline = new List<double>();
var analyzed = new List<double>();
int reported = 0;
for (int round = -2; round < repeats; round++)
{
    bool analyzersFirst = (round & 1) == 1;
    for (int pass = 0; pass < 2; pass++)
    {
        bool withAnalyzers = (pass == 0) == analyzersFirst;
        var compilation = CSharpCompilation.Create("Drivers", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        var watch = Stopwatch.StartNew();
        if (withAnalyzers)
        {
            var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false)).GetAllDiagnosticsAsync();
            reported = diagnostics.Count(d => d.Id.StartsWith("RDX", StringComparison.Ordinal));
        }
        else
        {
            _ = compilation.GetDiagnostics();
        }

        using (var pe = new MemoryStream())
        {
            var result = compilation.Emit(pe);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        watch.Stop();
        if (round >= 0)
        {
            (withAnalyzers ? analyzed : baseline).Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

double b = Median(baseline), a = Median(analyzed);
Console.WriteLine($"RDX diagnostics reported: {reported}");
Console.WriteLine($"compile+emit without analyzers: median {b:F0} ms  (runs: {string.Join(", ", baseline.Select(x => x.ToString("F0")))})");
Console.WriteLine($"compile+emit with analyzers:    median {a:F0} ms  (runs: {string.Join(", ", analyzed.Select(x => x.ToString("F0")))})");
Console.WriteLine($"overhead: {a - b:F0} ms = {(a - b) / b * 100:F1}%");

if (args.Contains("--each"))
{
    var noop = new NoOpOperationAnalyzer();
    foreach (var single in analyzers.Add(noop))
    {
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var c = CSharpCompilation.Create("Drivers", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var w = Stopwatch.StartNew();
            await c.WithAnalyzers(ImmutableArray.Create(single), new CompilationWithAnalyzersOptions(options, null, true, false)).GetAllDiagnosticsAsync();
            times.Add(w.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"  alone: {single.GetType().Name,-36} median {Median(times),8:F0} ms");
    }
}

// Per-analyzer execution time (one extra run with timing on).
var timed = CSharpCompilation.Create("Drivers", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
    .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
await timed.GetAllDiagnosticsAsync();
foreach (var analyzer in analyzers)
{
    var info = await timed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    Console.WriteLine($"  {analyzer.GetType().Name,-36} {info.ExecutionTime.TotalMilliseconds,8:F1} ms");
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// The SDK's reference pack, next to the running runtime.
static ImmutableArray<MetadataReference> ReferencePack()
{
    var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    var packs = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
    var refDir = Directory.GetDirectories(packs).Select(v => Path.Combine(v, "ref", "net" + Environment.Version.Major + ".0")).Where(Directory.Exists).Max(StringComparer.Ordinal)!;
    return Directory.GetFiles(refDir, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
}

// A realistic allow-list size: the API of System.Runtime's reference assembly (tens of thousands of IDs).
static string AllowList(ImmutableArray<MetadataReference> references)
{
    var runtime = references.OfType<PortableExecutableReference>().First(r => Path.GetFileName(r.FilePath) == "System.Runtime.dll");
    return string.Join("\n", Redox.ApiList.ApiListWriter.Read(runtime.FilePath!));
}

internal sealed class MemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class BenchmarkOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private readonly Options _options = new(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>Registers an operation action for every kind and does nothing: the analyzer driver's own cost.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("NOOP0001", "no-op", "no-op", "Benchmark", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.Conversion, OperationKind.ObjectCreation);
    }
}
