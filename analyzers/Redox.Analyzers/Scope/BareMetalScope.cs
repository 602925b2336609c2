using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.Scope;

/// <summary>
/// Decides whether a whole project is bare-metal code: the kernel (assembly <c>Redox.Kernel</c>),
/// any driver (references an assembly named <c>Redox.Scheme.Abstractions</c>), or any project
/// with the MSBuild property <c>RedoxBareMetal=true</c> (Redox.Sdk sets it). Host code is not: a project
/// with <c>RedoxBareMetal=false</c>, a test project (<c>IsTestProject=true</c>), or one that references
/// the hosted kernel (<c>Redox.Testing</c>) — those reference Redox.Scheme.Abstractions too, to test drivers.
/// </summary>
internal static class BareMetalScope
{
    private const string KernelAssembly = "Redox.Kernel";
    private const string SchemeAbstractionsAssembly = "Redox.Scheme.Abstractions";
    private const string HostedKernelAssembly = "Redox.Testing";

    /// <summary>True when the RDX2xxx rules apply to <paramref name="compilation"/>.</summary>
    internal static bool Applies(Compilation compilation, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (OptionKeys.IsTrue(global, OptionKeys.BareMetalProperty))
        {
            return true;
        }

        if (OptionKeys.IsFalse(global, OptionKeys.BareMetalProperty) || OptionKeys.IsTrue(global, OptionKeys.TestProjectProperty))
        {
            return false;
        }

        if (compilation.AssemblyName == KernelAssembly)
        {
            return true;
        }

        bool driver = false;
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (reference.Name == HostedKernelAssembly)
            {
                return false;
            }

            driver |= reference.Name == SchemeAbstractionsAssembly;
        }

        return driver;
    }
}
