using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2005 and RDX2011: static state the bare-metal runtime cannot hold yet. A reference-typed
/// static field (or auto-property) given a value by an initializer or by assignment in a static
/// constructor; a <c>[ThreadStatic]</c> field. Fine: <c>const</c>, value-typed statics,
/// initializers that are the constant <c>null</c>, and <c>static ReadOnlySpan&lt;byte&gt;</c>
/// properties over <c>u8</c> literals or constant collection expressions (read-only data).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StaticStateAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.StaticReferenceInitUnsupported,
        Descriptors.ThreadStaticUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterOperationAction(
            c =>
            {
                var initializer = (IFieldInitializerOperation)c.Operation;
                foreach (var field in initializer.InitializedFields)
                {
                    ReportIfReferenceStatic(c, field, field.Type, initializer.Value, initializer.Syntax);
                }
            },
            OperationKind.FieldInitializer);
        context.RegisterOperationAction(
            c =>
            {
                var initializer = (IPropertyInitializerOperation)c.Operation;
                foreach (var property in initializer.InitializedProperties)
                {
                    ReportIfReferenceStatic(c, property, property.Type, initializer.Value, initializer.Syntax);
                }
            },
            OperationKind.PropertyInitializer);
        context.RegisterOperationAction(
            c =>
            {
                if (c.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.StaticConstructor } || c.Operation is not IAssignmentOperation assignment)
                {
                    return;
                }

                switch (assignment.Target)
                {
                    case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                        ReportIfReferenceStatic(c, field, field.Type, assignment.Value, assignment.Syntax);
                        break;
                    case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                        ReportIfReferenceStatic(c, property, property.Type, assignment.Value, assignment.Syntax);
                        break;
                }
            },
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.CoalesceAssignment);
        context.RegisterSymbolAction(
            c =>
            {
                var field = (IFieldSymbol)c.Symbol;
                foreach (var attribute in field.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ThreadStaticAttribute" } type && Semantics.TypeFacts.IsIn(type, "System"))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.ThreadStaticUnsupported, field.Locations[0], field.Name));
                    }
                }
            },
            SymbolKind.Field);
    }

    private static void ReportIfReferenceStatic(OperationAnalysisContext context, ISymbol member, ITypeSymbol type, IOperation value, SyntaxNode syntax)
    {
        if (!member.IsStatic || member is IFieldSymbol { IsConst: true } || !type.IsReferenceType)
        {
            return;
        }

        if (value.ConstantValue is { HasValue: true, Value: null })
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.StaticReferenceInitUnsupported,
            syntax.GetLocation(),
            member.Name,
            type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
    }
}
