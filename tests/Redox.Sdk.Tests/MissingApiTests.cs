using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// A driver that uses a .NET API the core library lacks: with the analyzers (which every driver gets through
/// Redox.Scheme.Abstractions), the build says RDX2101, the API is not in the Redox core library, next to the
/// compiler's "are you missing an assembly reference?". Uses in method bodies: csc runs no analyzer when a
/// declaration (a field's type, a using) already failed, so those get the compiler's error only (docs/rules/RDX2101.md).
/// </summary>
public sealed class MissingApiTests
{
    [Fact]
    public void Console_and_List_of_T_are_named_as_missing_from_the_core_library_with_a_hint()
    {
        string analyzers = $"""<ItemGroup><ProjectReference Include="{ScratchProject.Repository}analyzers/Redox.Analyzers/Redox.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" /></ItemGroup>""";
        using var project = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"), analyzers, "<ImplicitUsings>enable</ImplicitUsings>",
            ("Driver.cs", """
                namespace Scratch;
                public static class Driver
                {
                    public static void Probe() => Console.WriteLine("probe");
                    public static int Count() => new List<int>().Count;
                }
                """));

        (int exit, string output) = project.Dotnet(null, "build", "-nologo", "-c", "Release");

        Assert.True(exit != 0, output);
        Assert.True(output.Contains("error RDX2101: 'System.Console' is part of .NET but not of the Redox core library"), output);
        Assert.True(output.Contains("error RDX2101: 'System.Collections.Generic.List<T>' is part of .NET but not of the Redox core library"), output);
        Assert.True(output.Contains("Hint: write bytes to the debug: scheme"), output);
    }
}
