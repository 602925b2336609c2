using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// <c>ImplicitUsings=enable</c> (what <c>dotnet new classlib</c> writes) on a Redox.Sdk project: the SDK keeps exactly
/// the implicit usings whose namespace exists in the core library, so no file fails with CS0234.
/// </summary>
public sealed class ImplicitUsingsTests
{
    [Fact]
    public void The_implicit_usings_are_Microsofts_list_less_the_namespaces_the_core_library_lacks()
    {
        using var redox = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"), "", "<ImplicitUsings>enable</ImplicitUsings>");
        string[] microsofts = MicrosoftsImplicitUsings();
        HashSet<string> coreLib = CoreLibNamespaces();

        string[] ours = UsingsOf(redox.Directory, "Scratch.csproj");

        Assert.Contains("System.IO", microsofts); // the case that failed: CS0234 'IO' does not exist in 'System'
        Assert.Equal(microsofts.Where(coreLib.Contains).Order(), ours.Order());
    }

    [Fact]
    public void A_library_with_implicit_usings_builds_and_uses_them()
    {
        using var redox = ScratchProject.CreateIn("redox-sdk-test-" + Guid.NewGuid().ToString("n"), "", "<ImplicitUsings>enable</ImplicitUsings>",
            ("Counter.cs", """
                namespace Scratch;
                /// <summary>Uses System.Threading and System.Collections.Generic without a using of its own.</summary>
                public static class Counter
                {
                    private static int s_count;
                    public static int Next() => Interlocked.Increment(ref s_count);
                    public static IEnumerable<int>? None() => null;
                }
                """));

        (int exit, string output) = redox.Dotnet(null, "build", "-nologo", "-c", "Release");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("CS0234", output);
    }

    // The same SDK's list, from a plain Microsoft.NET.Sdk project with ImplicitUsings=enable.
    private static string[] MicrosoftsImplicitUsings()
    {
        string directory = Path.Combine(Path.GetTempPath(), "redox-sdk-test-plain-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Plain.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        try { return UsingsOf(directory, "Plain.csproj"); }
        finally { Directory.Delete(directory, recursive: true); }
    }

    // `dotnet msbuild -getItem:Using` evaluates the project (nothing is built) and prints its Using items as JSON.
    private static string[] UsingsOf(string directory, string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in new[] { "msbuild", project, "-getItem:Using", "-nologo" }) start.ArgumentList.Add(argument);
        (int exit, string output) = ScratchProject.Finish(Process.Start(start)!);
        Assert.True(exit == 0, output);
        using JsonDocument json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("Items").GetProperty("Using").EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!).Distinct().ToArray();
    }

    // Every namespace that holds a public type of the core library the test project's build made (Release).
    private static HashSet<string> CoreLibNamespaces()
    {
        string path = Path.Combine(ScratchProject.Repository, "src", "Redox.CoreLib", "bin", "Release", "net10.0", "System.Private.CoreLib.dll");
        using var pe = new PEReader(File.OpenRead(path));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(type => (type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
            .Select(type => metadata.GetString(type.Namespace))
            .ToHashSet();
    }
}
