using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>One DLL, two worlds: the kernel built against our core library runs on the host's own CoreLib.</summary>
public class HostBindingTests
{
    [Fact]
    public void HostUsesTheSharedFrameworkCoreLib()
    {
        string coreLib = typeof(object).Assembly.Location;
        string sharedFramework = Path.GetDirectoryName(typeof(Uri).Assembly.Location)!;
        Assert.Equal(sharedFramework, Path.GetDirectoryName(coreLib));
        Assert.Contains(Path.Combine("shared", "Microsoft.NETCore.App"), coreLib);
        Assert.NotEqual(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar), Path.GetDirectoryName(coreLib));
    }

    [Fact]
    public void OurCoreLibIsNotCopiedNextToTheTests()
    {
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "System.Private.CoreLib.dll")));
    }

    [Fact]
    public void KernelReferencesSystemPrivateCoreLib10()
    {
        AssemblyName[] references = typeof(FrameAllocator).Assembly.GetReferencedAssemblies();
        AssemblyName coreLib = Assert.Single(references, r => r.Name == "System.Private.CoreLib");
        Assert.Equal(new Version(10, 0, 0, 0), coreLib.Version);
        Assert.DoesNotContain(references, r => r.Name == "System.Runtime");
        Assert.Same(typeof(object).Assembly, Assembly.Load(coreLib));
    }
}
