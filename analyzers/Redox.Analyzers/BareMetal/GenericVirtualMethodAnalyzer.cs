using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2008: generic virtual methods. Reported where declared in source (virtual, abstract,
/// override, instance interface members, explicit implementations) and where a generic virtual
/// method from a referenced assembly is called. Static abstract generic interface members are
/// fine: they are resolved at compile time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GenericVirtualMethodAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GenericVirtualMethodUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSymbolAction(
            c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (IsGenericVirtual(method) || method.IsGenericMethod && !method.ExplicitInterfaceImplementations.IsEmpty)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, method.Locations[0], method.Name));
                }
            },
            SymbolKind.Method);
        context.RegisterOperationAction(
            c =>
            {
                var call = (IInvocationOperation)c.Operation;
                var method = call.TargetMethod;
                if (IsGenericVirtual(method) && method.Locations.Length > 0 && method.Locations[0].IsInMetadata && call.Instance?.Type?.IsValueType != true)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericVirtualMethodUnsupported, call.Syntax.GetLocation(), method.Name));
                }
            },
            OperationKind.Invocation);
    }

    private static bool IsGenericVirtual(IMethodSymbol method) =>
        method.IsGenericMethod
        && !method.IsStatic
        && (method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface);
}
