using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.Scope;

/// <summary>
/// Decides whether a whole project is bare-metal code: the kernel (assembly <c>Redox.Kernel</c>),
/// any driver (references an assembly named <c>Redox.Scheme.Abstractions</c>), or any project
/// with the MSBuild property <c>RedoxBareMetal=true</c>.
/// </summary>
internal static class BareMetalScope
{
    private const string KernelAssembly = "Redox.Kernel";
    private const string SchemeAbstractionsAssembly = "Redox.Scheme.Abstractions";

    /// <summary>True when the RDX2xxx rules apply to <paramref name="compilation"/>.</summary>
    internal static bool Applies(Compilation compilation, AnalyzerOptions options)
    {
        if (OptionKeys.IsTrue(options.AnalyzerConfigOptionsProvider.GlobalOptions, OptionKeys.BareMetalProperty))
        {
            return true;
        }

        if (compilation.AssemblyName == KernelAssembly)
        {
            return true;
        }

        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (reference.Name == SchemeAbstractionsAssembly)
            {
                return true;
            }
        }

        return false;
    }
}
