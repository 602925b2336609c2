using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Scope;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// Base of the bare-metal analyzers (RDX2xxx): registers the concrete analyzer's actions only
/// when the compilation is bare-metal code (see <see cref="BareMetalScope"/>).
/// </summary>
public abstract class BareMetalAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (BareMetalScope.Applies(start.Compilation, start.Options))
            {
                Register(start);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for one bare-metal compilation.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context);
}
