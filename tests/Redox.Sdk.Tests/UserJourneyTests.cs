using System.Diagnostics;
using Xunit;

namespace Redox.Sdk.Tests;

/// <summary>
/// A newcomer's path with the packed packages (scripts/pack.sh puts them in artifacts/packages): a driver library
/// on Redox.Sdk that references Redox.Scheme.Abstractions gets the analyzers; an xunit project tests it on the host
/// through Redox.Testing; an image project links it with the kernel into an ISO.
/// </summary>
public sealed class UserJourneyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "redox-user-" + Guid.NewGuid().ToString("n"));

    [Fact]
    public void A_driver_built_from_the_packages_is_analysed_tested_on_the_host_and_linked_into_an_image()
    {
        PackedFeed.AssertPacked();
        Write("nuget.config", PackedFeed.NuGetConfig);
        // Redox.Sdk's version, pinned once; the Redox.Sdk projects read it as $(RedoxVersion).
        Write("global.json", PackedFeed.GlobalJson);
        Write("EchoDriver/EchoDriver.csproj", """
            <Project Sdk="Redox.Sdk">
              <ItemGroup>
                <PackageReference Include="Redox.Scheme.Abstractions" Version="$(RedoxVersion)" />
              </ItemGroup>
            </Project>
            """);
        Write("EchoDriver/EchoScheme.cs", """
            using Redox.Scheme;
            using Redox.Syscall;
            namespace EchoDriver;
            /// <summary>echo: answers every read with the byte 'e'.</summary>
            public sealed class EchoScheme : SchemeBase
            {
                public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(1);
                public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
                {
                    byte[] scratch = new byte[1];   // an allocation in a handler: the analyzers must say so
                    scratch[0] = (byte)'e';
                    buffer.Fill(scratch[0]);
                    return SyscallResult.Ok((ulong)buffer.Length);
                }
            }
            """);
        Write("EchoDriver.Tests/EchoDriver.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="Redox.Version.props" Sdk="Redox.Sdk" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="Redox.Testing" Version="$(RedoxVersion)" />
                <ProjectReference Include="../EchoDriver/EchoDriver.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("EchoDriver.Tests/EchoTests.cs", """
            using Redox.Syscall;
            using Redox.Testing;
            using Xunit;
            public class EchoTests
            {
                [Fact]
                public void Reads_answer_e()
                {
                    using var kernel = new HostedKernel();
                    kernel.StartDriver("echo", new EchoDriver.EchoScheme());
                    kernel.CreateProcess().Run(() =>
                    {
                        nuint fd = (nuint)Sys.Open("echo:"u8, OpenFlags.ReadOnly).Value;
                        var buffer = new byte[3];
                        Assert.Equal(3UL, Sys.Read(fd, buffer).Value);
                        Assert.Equal("eee"u8.ToArray(), buffer);
                    });
                }
            }
            """);
        Write("EchoImage/EchoImage.csproj", """
            <Project Sdk="Redox.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Redox.Kernel" Version="$(RedoxVersion)" />
                <ProjectReference Include="../EchoDriver/EchoDriver.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write("EchoImage/Program.cs", """
            public static class Program
            {
                public static int Main() => new EchoDriver.EchoScheme() is null ? 1 : 0;
            }
            """);

        (int buildExit, string build) = Dotnet("build", "EchoDriver");
        Assert.True(buildExit == 0, build);
        Assert.Contains("warning RDX1002", build); // analyzers arrived with Redox.Scheme.Abstractions

        (int testExit, string test) = Dotnet("test", "EchoDriver.Tests");
        Assert.True(testExit == 0, test);
        Assert.Contains("Passed!", test);

        (int publishExit, string publish) = Dotnet("publish", "EchoImage");
        Assert.True(publishExit == 0, publish);
        Assert.True(File.Exists(Path.Combine(_root, "EchoImage", "bin", "Release", "net10.0", "publish", "EchoImage.iso")), publish);
    }

    private void Write(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private (int ExitCode, string Output) Dotnet(string verb, string project)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (string argument in new[] { verb, project, "-nologo" }) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {verb} {project} did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
