using Redox.Sdk.Tasks;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>Whose fault a failed tool run is: the machine, the tool, or the code — each its own code and hint.</summary>
public sealed class FailureClassifierTests
{
    /// <summary>ILC 10.0.12's real output for code that needs a helper type our core library lacks (new int[2,2]).</summary>
    internal static readonly string[] IlcCodeProblem =
    [
        "Error: One or more errors occurred. (Code generation failed for method '[Md]Program.Main()')",
        "System.AggregateException: One or more errors occurred. (Code generation failed for method '[Md]Program.Main()')",
        " ---> ILCompiler.CodeGenerationFailedException: Code generation failed for method '[Md]Program.Main()'",
        " ---> System.InvalidOperationException: Expected type 'Internal.Runtime.CompilerHelpers.ArrayHelpers' not found in module 'System.Private.CoreLib'",
        "   at Internal.IL.HelperExtensions.GetKnownType(ModuleDesc, String, String) + 0x9d",
        "   at ILCompiler.JitHelper.GetEntryPoint(TypeSystemContext, ReadyToRunHelper, String&, MethodDesc&) + 0xf3a",
        "   --- End of inner exception stack trace ---",
        "   at ILCompiler.ILScanner.CompileSingleMethod(ScannedMethodNode) + 0x104",
    ];

    /// <summary>ILC 10.0.12's real output when it cannot write its object (an internal failure, not the code).</summary>
    internal static readonly string[] IlcIoFailure =
    [
        "Error: Could not find a part of the path '/nonexistent/dir/out.o'.",
        "System.IO.DirectoryNotFoundException: Could not find a part of the path '/nonexistent/dir/out.o'.",
        "   at Interop.ThrowExceptionForIoErrno(Interop.ErrorInfo, String, Boolean) + 0x11",
        "   at ILCompiler.ObjectWriter.ElfObjectWriter.EmitObjectFile(String) + 0x8a",
    ];

    private static FailureClassifier Ilc(long free = long.MaxValue) => new()
    {
        ToolName = "ILC",
        ToolPath = "/cache/ilc",
        ProblemCode = "RDXB010",
        ProblemHint = "the code uses something the core library lacks",
        ProblemPattern = new Regex("---> |error IL\\d|Failed to load|not found in module"),
        CrashPattern = new Regex("^Error: |Unhandled exception"),
        OutputDirectory = "/obj",
        FreeBytes = _ => free,
    };

    [Fact]
    public void A_tool_that_is_not_executable_is_the_machine_RDXB080()
    {
        ToolFailure failure = Ilc().Classify(new ToolRun(null, [], 13, "Permission denied"))!;

        Assert.Equal((FailureKind.CannotStart, "RDXB080"), (failure.Kind, failure.Code));
        Assert.Contains("not executable", failure.Message);
        Assert.Contains("chmod +x /cache/ilc", failure.Hint);
    }

    [Fact]
    public void A_full_disk_is_RDXB081_whatever_the_tool_says_about_it()
    {
        var byText = Ilc().Classify(new ToolRun(1, ["Error: No space left on device : '/obj/x.o'", "   at X.Y()"], null, null))!;
        var bySpace = Ilc(free: 4096).Classify(new ToolRun(1, IlcCodeProblem, null, null))!;
        var byCapture = Ilc().Classify(new ToolRun(0, [], null, null, "No space left on device"))!;

        Assert.All(new[] { byText, bySpace, byCapture }, f => Assert.Equal((FailureKind.DiskFull, "RDXB081"), (f.Kind, f.Code)));
        Assert.Contains("4096 bytes free in /obj", bySpace.Message);
        Assert.Contains("nothing in the code needs to change", byText.Hint);
    }

    [Theory]
    [InlineData(137, "SIGKILL")]
    [InlineData(143, "SIGTERM")]
    [InlineData(130, "SIGINT")]
    [InlineData(135, "SIGBUS")]
    public void A_signal_from_outside_is_RDXB082(int exitCode, string signal)
    {
        ToolFailure failure = Ilc().Classify(new ToolRun(exitCode, IlcCodeProblem, null, null))!;

        Assert.Equal((FailureKind.Killed, "RDXB082"), (failure.Kind, failure.Code));
        Assert.Contains(signal, failure.Message);
    }

    [Fact]
    public void A_crash_or_an_internal_error_is_the_tool_RDXB083()
    {
        var segfault = Ilc().Classify(new ToolRun(139, ["Segmentation fault"], null, null))!;
        var internalError = Ilc().Classify(new ToolRun(1, IlcIoFailure, null, null))!;

        Assert.All(new[] { segfault, internalError }, f => Assert.Equal((FailureKind.ToolFailed, "RDXB083"), (f.Kind, f.Code)));
        Assert.Contains("SIGSEGV", segfault.Message);
        Assert.Contains("not a problem in the code", internalError.Hint);
        Assert.Contains("Could not find a part of the path '/nonexistent/dir/out.o'", internalError.Message);
        Assert.DoesNotContain("ThrowExceptionForIoErrno", internalError.Message); // no stack frames
    }

    [Fact]
    public void What_the_code_lacks_is_the_steps_own_code_with_ILCs_reason_and_no_stack_trace()
    {
        ToolFailure failure = Ilc().Classify(new ToolRun(1, IlcCodeProblem, null, null))!;

        Assert.Equal((FailureKind.InputProblem, "RDXB010"), (failure.Kind, failure.Code));
        Assert.Contains("Expected type 'Internal.Runtime.CompilerHelpers.ArrayHelpers' not found in module 'System.Private.CoreLib'", failure.Message);
        Assert.Contains("Code generation failed for method '[Md]Program.Main()'", failure.Message);
        Assert.DoesNotContain(" at ", failure.Message);
        Assert.DoesNotContain("GetKnownType", failure.Message); // no stack frames
        Assert.DoesNotContain("Exception:", failure.Message);
    }

    [Fact]
    public void A_plain_non_zero_exit_is_the_input_and_success_is_no_failure()
    {
        var assembler = new FailureClassifier { ToolName = "as", ToolPath = "as", ProblemCode = "RDXB020", ProblemHint = "GNU as", FreeBytes = _ => null };

        ToolFailure failure = assembler.Classify(new ToolRun(1, ["Boot.S:3: Error: no such instruction: `movx eax,1'"], null, null))!;

        Assert.Equal((FailureKind.InputProblem, "RDXB020"), (failure.Kind, failure.Code));
        Assert.Contains("no such instruction", failure.Message);
        Assert.Null(assembler.Classify(new ToolRun(0, ["warning: something"], null, null)));
    }
}
