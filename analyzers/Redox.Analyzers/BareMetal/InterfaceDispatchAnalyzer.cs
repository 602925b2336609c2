using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2003: calls of interface members through an interface-typed receiver, which need run-time
/// interface dispatch. Fine: a receiver of a concrete type (the compiler binds the class's own
/// method), a type parameter constrained to the interface (each struct instantiation is compiled
/// separately and the call is direct), static abstract members. A type parameter constrained to
/// a class (<c>where T : class, IFoo</c>) is reported: reference instantiations share one body
/// that dispatches through the interface.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InterfaceDispatchAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InterfaceDispatchUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var (member, receiver) = c.Operation switch
                {
                    IInvocationOperation call => ((ISymbol)call.TargetMethod, call.Instance),
                    IPropertyReferenceOperation property => (property.Property, property.Instance),
                    IEventReferenceOperation @event => (@event.Event, @event.Instance),
                    _ => (null, null),
                };

                if (member is { IsStatic: false, ContainingType.TypeKind: TypeKind.Interface } && receiver?.Type is { } type && NeedsDispatch(type)
                    && !OperationFacts.IsInNonExecutableContext(c.Operation))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.InterfaceDispatchUnsupported, c.Operation.Syntax.GetLocation(), member.ContainingType.Name + "." + member.Name));
                }
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.EventReference);
    }

    private static bool NeedsDispatch(ITypeSymbol receiverType) => receiverType switch
    {
        { TypeKind: TypeKind.Interface } => true,
        ITypeParameterSymbol parameter => parameter.HasReferenceTypeConstraint || parameter.ConstraintTypes.Any(t => t.TypeKind == TypeKind.Class),
        _ => false,
    };
}
