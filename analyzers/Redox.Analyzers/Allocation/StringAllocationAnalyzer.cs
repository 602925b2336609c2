using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Semantics;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1020-RDX1023: string building and allocating conversion APIs. Concatenations and
/// interpolations the compiler folds to a constant are not reported, nor interpolated strings
/// written through a handler other than string (e.g. <c>MemoryExtensions.TryWrite</c> into a span).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StringAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.StringConcatenation,
        Descriptors.StringInterpolation,
        Descriptors.StringFormatting,
        Descriptors.AllocatingConversionApi);

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
                    case IBinaryOperation binary when IsRuntimeConcatenation(binary) && !IsRuntimeConcatenation(binary.Parent):
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.StringConcatenation, binary.Syntax.GetLocation()));
                        break;
                    case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Type.SpecialType: SpecialType.System_String } compound:
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.StringConcatenation, compound.Syntax.GetLocation()));
                        break;
                    case IInterpolatedStringOperation interpolated when BuildsString(interpolated):
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.StringInterpolation, interpolated.Syntax.GetLocation()));
                        break;
                    case IInvocationOperation invocation:
                        AnalyzeInvocation(c, invocation);
                        break;
                }
            },
            OperationKind.Binary,
            OperationKind.CompoundAssignment,
            OperationKind.InterpolatedString,
            OperationKind.Invocation);
    }

    private static bool IsRuntimeConcatenation(IOperation? operation) =>
        operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null, Type.SpecialType: SpecialType.System_String } binary
        && !binary.ConstantValue.HasValue;

    /// <summary>
    /// True when the interpolated string ends up as a new string: not constant, and not handed to
    /// a custom interpolated string handler (those write where their owner says, e.g. a span).
    /// </summary>
    private static bool BuildsString(IInterpolatedStringOperation interpolated)
    {
        if (interpolated.ConstantValue.HasValue)
        {
            return false;
        }

        var parent = interpolated.Parent;
        while (parent is IInterpolatedStringAdditionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IInterpolatedStringHandlerCreationOperation creation)
        {
            // A string target lowered through DefaultInterpolatedStringHandler still ends in ToStringAndClear.
            return creation.Type?.SpecialType == SpecialType.System_String
                || (creation.Parent is IConversionOperation { Type.SpecialType: SpecialType.System_String });
        }

        return true;
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (AllocatingApis.IsStringFormatting(method))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.StringFormatting, invocation.Syntax.GetLocation(), method.Name));
            return;
        }

        var kind = AllocatingApis.Classify(method);
        if (kind != null)
        {
            var display = method.ContainingType.Name + "." + method.Name;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AllocatingConversionApi, invocation.Syntax.GetLocation(), display, kind));
        }
    }
}
