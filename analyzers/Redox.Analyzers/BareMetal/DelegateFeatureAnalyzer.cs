using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2004: combining or removing delegates (<c>a + b</c>, <c>a += b</c>, <c>-</c>, <c>-=</c>, subscribing to
/// an event) and declaring field-like events, whose accessors combine. Creating and invoking a single delegate
/// is supported on bare metal; a combination would allocate an invocation list on every <c>+=</c> and
/// <c>-=</c>, with no garbage collector to take the old one back, so the core library leaves
/// <c>Delegate.Combine</c> out on purpose.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelegateFeatureAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DelegateUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var binary = (IBinaryOperation)c.Operation;
                if (IsCombination(binary.OperatorKind, binary.Type)) Report(c, binary.OperatorKind == BinaryOperatorKind.Add ? "Combining" : "Removing");
            },
            OperationKind.BinaryOperator);
        context.RegisterOperationAction(
            c =>
            {
                var compound = (ICompoundAssignmentOperation)c.Operation;
                if (IsCombination(compound.OperatorKind, compound.Type)) Report(c, compound.OperatorKind == BinaryOperatorKind.Add ? "Combining" : "Removing");
            },
            OperationKind.CompoundAssignment);
        context.RegisterOperationAction(
            c => Report(c, ((IEventAssignmentOperation)c.Operation).Adds ? "Subscribing to an event with" : "Unsubscribing from an event with"),
            OperationKind.EventAssignment);
        context.RegisterSymbolAction(
            c =>
            {
                // A field-like event (no accessors written) gets compiler-generated accessors that combine.
                var e = (IEventSymbol)c.Symbol;
                if (e.AddMethod is { IsImplicitlyDeclared: true } && !e.IsAbstract && e.Locations.Length > 0)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.DelegateUnsupported, e.Locations[0], "Declaring a field-like event, which combines"));
                }
            },
            SymbolKind.Event);
    }

    private static bool IsCombination(BinaryOperatorKind kind, ITypeSymbol? type) =>
        (kind == BinaryOperatorKind.Add || kind == BinaryOperatorKind.Subtract) && type?.TypeKind == TypeKind.Delegate;

    private static void Report(OperationAnalysisContext c, string what)
    {
        if (!OperationFacts.IsInNonExecutableContext(c.Operation))
        {
            c.ReportDiagnostic(Diagnostic.Create(Descriptors.DelegateUnsupported, c.Operation.Syntax.GetLocation(), what));
        }
    }
}
