using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.BareMetal;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Api;

/// <summary>
/// RDX2100: a bare-metal project compiles against the normal .NET reference assemblies, but its
/// image links against the Redox core library. Every System.*/Microsoft.* type or member the
/// code references (calls, constructions, member accesses, operators, casts, type tests,
/// <c>typeof</c>, declared types of locals, fields, properties, parameters, base types) must be in
/// the <c>.redoxapi</c> allow-list generated from that library. Silent when no allow-list is
/// present. Attributes are not checked: they are metadata, not code the image runs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiAvailabilityAnalyzer : BareMetalAnalyzer
{
    private const string InterpolationHandlerId = "T:System.Runtime.CompilerServices.DefaultInterpolatedStringHandler";
    private const string ConcatId = "M:System.String.Concat";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ApiUnavailable);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        var list = ApiAllowList.Read(context.Options.AdditionalFiles, context.CancellationToken);
        if (list is null)
        {
            return;
        }

        var checker = new ApiReferenceChecker(list, context.Compilation.Assembly);
        context.RegisterOperationAction(
            c =>
            {
                if (!OperationFacts.IsInNonExecutableContext(c.Operation))
                {
                    AnalyzeOperation(c, checker);
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.MethodReference,
            OperationKind.FieldReference,
            OperationKind.PropertyReference,
            OperationKind.EventReference,
            OperationKind.Conversion,
            OperationKind.Binary,
            OperationKind.Unary,
            OperationKind.CompoundAssignment,
            OperationKind.TypeOf,
            OperationKind.IsType,
            OperationKind.DeclarationPattern,
            OperationKind.TypePattern,
            OperationKind.RecursivePattern,
            OperationKind.ArrayCreation,
            OperationKind.DefaultValue,
            OperationKind.VariableDeclarator,
            OperationKind.InterpolatedString,
            OperationKind.Loop);
        context.RegisterSymbolAction(c => AnalyzeDeclaration(c, checker), SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Field, SymbolKind.Property, SymbolKind.Event);
    }

    private static void AnalyzeOperation(OperationAnalysisContext context, ApiReferenceChecker checker)
    {
        var operation = context.Operation;
        ISymbol? missing = operation switch
        {
            IInvocationOperation call => checker.FindMissing(call.TargetMethod),
            IObjectCreationOperation creation => creation.Constructor is { IsImplicitlyDeclared: false } constructor
                ? checker.FindMissing(constructor)
                : checker.FindMissingType(creation.Type),
            IMemberReferenceOperation reference => checker.FindMissing(reference.Member),
            IConversionOperation conversion => conversion.OperatorMethod != null
                ? checker.FindMissing(conversion.OperatorMethod)
                : conversion.IsImplicit ? null : checker.FindMissingType(conversion.Type),
            IBinaryOperation binary => checker.FindMissing(binary.OperatorMethod),
            IUnaryOperation unary => checker.FindMissing(unary.OperatorMethod),
            ICompoundAssignmentOperation compound => checker.FindMissing(compound.OperatorMethod),
            ITypeOfOperation typeOf => checker.FindMissingType(typeOf.TypeOperand) ?? checker.FindMissingType(typeOf.Type),
            IIsTypeOperation isType => checker.FindMissingType(isType.TypeOperand),
            IDeclarationPatternOperation pattern => checker.FindMissingType(pattern.MatchedType),
            ITypePatternOperation pattern => checker.FindMissingType(pattern.MatchedType),
            IRecursivePatternOperation pattern => checker.FindMissingType(pattern.MatchedType),
            IArrayCreationOperation array => checker.FindMissingType(array.Type),
            IDefaultValueOperation defaultValue => checker.FindMissingType(defaultValue.Type),
            // 'var x = ...' is checked through its initializer; an explicit type is checked here.
            IVariableDeclaratorOperation declarator => declarator.Syntax.Parent is VariableDeclarationSyntax { Type.IsVar: true }
                ? null
                : checker.FindMissingType(declarator.Symbol.Type),
            IForEachLoopOperation loop => FindMissingInForEach(loop, checker),
            _ => null,
        };

        if (missing != null)
        {
            Report(context.ReportDiagnostic, operation.Syntax.GetLocation(), missing);
            return;
        }

        // Code the compiler writes for us must be available too.
        if (operation is IInterpolatedStringOperation { ConstantValue.HasValue: false } interpolated
            && interpolated.Parent is not IInterpolatedStringHandlerCreationOperation
            && !checker.List.Contains(InterpolationHandlerId))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ApiUnavailable, operation.Syntax.GetLocation(), "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler"));
        }
        else if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Type.SpecialType: SpecialType.System_String, ConstantValue.HasValue: false } binary
            && binary.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String }
            && !checker.List.ContainsAnyOverload(ConcatId))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ApiUnavailable, operation.Syntax.GetLocation(), "string.Concat"));
        }
    }

    private static ISymbol? FindMissingInForEach(IForEachLoopOperation loop, ApiReferenceChecker checker)
    {
        if (loop.Syntax is not CommonForEachStatementSyntax syntax || loop.SemanticModel is null)
        {
            return null;
        }

        var info = loop.SemanticModel.GetForEachStatementInfo(syntax);
        return checker.FindMissing(info.GetEnumeratorMethod)
            ?? checker.FindMissing(info.MoveNextMethod)
            ?? checker.FindMissing(info.CurrentProperty);
    }

    private static void AnalyzeDeclaration(SymbolAnalysisContext context, ApiReferenceChecker checker)
    {
        var symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || symbol.Locations.IsEmpty || !symbol.Locations[0].IsInSource)
        {
            return;
        }

        var location = symbol.Locations[0];
        switch (symbol)
        {
            case INamedTypeSymbol type:
                if (type.BaseType is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum or SpecialType.System_MulticastDelegate) } baseType)
                {
                    ReportIfMissing(context, location, checker.FindMissingType(baseType));
                }

                foreach (var @interface in type.Interfaces)
                {
                    ReportIfMissing(context, location, checker.FindMissingType(@interface));
                }

                break;
            case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.ExplicitInterfaceImplementation } method:
                ReportIfMissing(context, location, checker.FindMissingType(method.ReturnType));
                foreach (var parameter in method.Parameters)
                {
                    if (!parameter.Locations.IsEmpty)
                    {
                        ReportIfMissing(context, parameter.Locations[0], checker.FindMissingType(parameter.Type));
                    }
                }

                break;
            case IFieldSymbol field:
                ReportIfMissing(context, location, checker.FindMissingType(field.Type));
                break;
            case IPropertySymbol property:
                ReportIfMissing(context, location, checker.FindMissingType(property.Type));
                break;
            case IEventSymbol @event:
                ReportIfMissing(context, location, checker.FindMissingType(@event.Type));
                break;
        }
    }

    private static void ReportIfMissing(SymbolAnalysisContext context, Location location, ISymbol? missing)
    {
        if (missing != null)
        {
            Report(context.ReportDiagnostic, location, missing);
        }
    }

    private static void Report(System.Action<Diagnostic> report, Location location, ISymbol missing) =>
        report(Diagnostic.Create(Descriptors.ApiUnavailable, location, missing.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
}
