using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1010-RDX1012: boxing. Conversions the compiler classifies as boxing (value type or type
/// parameter to <c>object</c>, an interface, <c>Enum</c>, <c>ValueType</c>); calls of
/// <c>ToString</c>/<c>GetHashCode</c>/<c>Equals</c>/<c>GetType</c> a struct does not override; patterns
/// that need a struct as a reference (see <see cref="PatternBoxing"/>).
/// Not reported: reference conversions (<c>IEnumerable&lt;int&gt; e = list</c>), constrained calls
/// on type parameters, the operands of string concatenation (the compiler calls <c>ToString</c>
/// instead of boxing; the concatenation itself is RDX1020), <c>Enum.HasFlag</c> with an
/// argument of the receiver's enum type (a JIT intrinsic since .NET Core 2.1, and ILC always
/// compiles optimized code, so the IL <c>box</c> never executes), a box compared with <c>null</c>
/// (<c>t == null</c> on a type parameter: <c>box; ldnull; ceq</c>, which the JIT folds), and type tests
/// that need no reference (<c>s is IFoo</c>, <c>n is object</c>: no <c>box</c> in the IL).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BoxingAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.BoxingConversion,
        Descriptors.BoxingVirtualCall,
        Descriptors.BoxingTypePattern);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (!scope.Contains(c.ContainingSymbol, c.Operation.Syntax) || OperationFacts.IsInNonExecutableContext(c.Operation))
                {
                    return;
                }

                switch (c.Operation)
                {
                    case IConversionOperation conversion:
                        AnalyzeConversion(c, conversion);
                        break;
                    case IInvocationOperation invocation:
                        AnalyzeInvocation(c, invocation);
                        break;
                    case IPatternOperation pattern:
                        AnalyzePattern(c, pattern);
                        break;
                }
            },
            OperationKind.Conversion,
            OperationKind.Invocation,
            OperationKind.DeclarationPattern,
            OperationKind.RecursivePattern);
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, IConversionOperation conversion)
    {
        if (!conversion.GetConversion().IsBoxing)
        {
            return;
        }

        var source = conversion.Operand.Type;
        if (source is null || source.IsReferenceType || IsConcatenationOperand(conversion) || IsHasFlagBox(conversion) || IsNullComparison(conversion))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoxingConversion, conversion.Syntax.GetLocation(), Display(source), Display(conversion.Type!)));
    }

    /// <summary>In <c>"a" + i</c> the compiler emits a constrained <c>ToString()</c> call, not a box.</summary>
    private static bool IsConcatenationOperand(IConversionOperation conversion) =>
        conversion.Parent switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, OperatorMethod: null } => true,
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String, OperatorMethod: null } => true,
            _ => false,
        };

    /// <summary>
    /// <c>t == null</c>, <c>t != null</c>, <c>(object)i == null</c>: the compiler emits <c>box; ldnull; ceq</c> (or
    /// <c>cgt.un</c>), which the JIT folds to a constant or a <c>HasValue</c> test (measured 0 bytes per call).
    /// </summary>
    private static bool IsNullComparison(IConversionOperation conversion) =>
        conversion.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } comparison
        && IsNullConstant(comparison.LeftOperand == conversion ? comparison.RightOperand : comparison.LeftOperand);

    private static bool IsNullConstant(IOperation operand) =>
        OperationFacts.WithoutConversions(operand) is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary><c>flags.HasFlag(Flags.X)</c>: the JIT (and ILC) expand it without boxing when both sides have the same enum type.</summary>
    private static bool IsHasFlagBox(IConversionOperation conversion)
    {
        IInvocationOperation? call = conversion.Parent switch
        {
            IInvocationOperation receiverCall when receiverCall.Instance == conversion => receiverCall,
            IArgumentOperation { Parent: IInvocationOperation argumentCall } => argumentCall,
            _ => null,
        };

        if (call is not { TargetMethod: { Name: "HasFlag", ContainingType.SpecialType: SpecialType.System_Enum }, Instance: { } instance } || call.Arguments.Length != 1)
        {
            return false;
        }

        var receiverType = OperationFacts.WithoutConversions(instance).Type;
        var argumentType = OperationFacts.WithoutConversions(call.Arguments[0].Value).Type;
        return receiverType is { TypeKind: TypeKind.Enum } && SymbolEqualityComparer.Default.Equals(receiverType, argumentType);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiverType = invocation.Instance?.Type;
        if (!TypeFacts.IsKnownValueType(receiverType) || !IsObjectMember(method))
        {
            return;
        }

        bool boxes = method.Name == "GetType"
            || receiverType!.TypeKind == TypeKind.Enum
            || !Overrides(receiverType, method);
        if (boxes)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoxingVirtualCall, invocation.Syntax.GetLocation(), Display(receiverType!), method.Name));
        }
    }

    /// <summary><c>ToString</c>, <c>GetHashCode</c>, <c>Equals(object)</c>, <c>GetType</c> as declared on object, ValueType or Enum.</summary>
    private static bool IsObjectMember(IMethodSymbol method)
    {
        switch (method.ContainingType?.SpecialType)
        {
            case SpecialType.System_Object:
            case SpecialType.System_ValueType:
            case SpecialType.System_Enum:
                break;
            default:
                return false;
        }

        return method is { IsStatic: false, Name: "ToString" or "GetHashCode" or "GetType", Parameters.Length: 0 }
            || method is { IsStatic: false, Name: "Equals", Parameters.Length: 1 };
    }

    private static bool Overrides(ITypeSymbol type, IMethodSymbol method)
    {
        foreach (var member in type.GetMembers(method.Name))
        {
            if (member is IMethodSymbol { IsOverride: true } candidate && candidate.Parameters.Length == method.Parameters.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzePattern(OperationAnalysisContext context, IPatternOperation pattern)
    {
        if (PatternBoxing.Boxes(pattern, out var input, out var matched))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.BoxingTypePattern, pattern.Syntax.GetLocation(), Display(input!), Display(matched!)));
        }
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
