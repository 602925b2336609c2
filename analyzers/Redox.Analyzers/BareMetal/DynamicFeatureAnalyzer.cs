using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2009: <c>dynamic</c>. Reported once per dynamic expression (the outermost dynamic
/// operation) and at every conversion to or from <c>dynamic</c>; both need the DLR.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DynamicFeatureAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DynamicUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var operation = c.Operation;
                // One diagnostic per dynamic expression: the outermost dynamic operation, and
                // conversions only when they do not just consume such an operation's result.
                bool dynamic = operation is IConversionOperation conversion
                    ? IsDynamic(conversion.Type) && !IsDynamicOperation(conversion.Parent)
                      || IsDynamic(conversion.Operand.Type) && !IsDynamicOperation(conversion.Operand)
                    : !IsDynamicOperation(operation.Parent);
                if (dynamic)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.DynamicUnsupported, operation.Syntax.GetLocation()));
                }
            },
            OperationKind.DynamicInvocation,
            OperationKind.DynamicMemberReference,
            OperationKind.DynamicObjectCreation,
            OperationKind.DynamicIndexerAccess,
            OperationKind.Conversion);
    }

    private static bool IsDynamic(ITypeSymbol? type) => type?.TypeKind == TypeKind.Dynamic;

    private static bool IsDynamicOperation(IOperation? operation) => operation?.Kind is
        OperationKind.DynamicInvocation or OperationKind.DynamicMemberReference or OperationKind.DynamicObjectCreation or OperationKind.DynamicIndexerAccess;
}
