using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Scope;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// Base of the allocation analyzers (RDX1xxx): builds the <see cref="NoAllocScope"/> once per
/// compilation and hands it to the concrete analyzer, which checks it before reporting.
/// </summary>
public abstract class NoAllocAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => Register(start, NoAllocScope.Create(start.Compilation, start.Options)));
    }

    /// <summary>Registers the analyzer's actions for one compilation.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, NoAllocScope scope);
}
