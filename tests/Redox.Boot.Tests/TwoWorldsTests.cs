using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// One DLL, two worlds: the very Redox.TwoWorlds.dll that ILC compiled into the boot image is loaded here by the
/// host runtime, and both compute the same digest.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class TwoWorldsTests
{
    [Fact]
    public void The_same_library_computes_the_same_digest_on_bare_metal_and_on_the_host()
    {
        Assembly library = Assembly.LoadFrom(BootImages.TwoWorldsAssembly);
        Assert.Contains(library.GetReferencedAssemblies(), r => r.Name == "System.Private.CoreLib" && r.Version == new Version(10, 0, 0, 0));
        Assert.DoesNotContain(library.GetReferencedAssemblies(), r => r.Name == "System.Runtime");
        uint hostDigest = (uint)library.GetType("Redox.TwoWorlds.SelfCheck")!.GetMethod("Digest")!.Invoke(null, null)!;

        BootResult boot = BootImages.Boot("twoworlds");
        Match match = Regex.Match(boot.KernelLog, "twoworlds digest=0x([0-9a-f]{8})");

        Assert.True(match.Success, boot.Serial);
        Assert.Equal(hostDigest.ToString("x8"), match.Groups[1].Value);
        Assert.Equal(BootResult.Passed, boot.ExitCode);
    }
}
