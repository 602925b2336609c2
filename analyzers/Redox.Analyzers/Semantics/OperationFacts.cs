using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.Semantics;

/// <summary>Navigation over the IOperation tree shared by the rules.</summary>
internal static class OperationFacts
{
    /// <summary>The parent of <paramref name="operation"/>, skipping the conversions wrapped around it.</summary>
    internal static IOperation? ParentSkippingConversions(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The operand under any conversions.</summary>
    internal static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>True when <paramref name="operation"/> is the compiler-built value of a params argument.</summary>
    internal static bool IsParamsArgumentValue(IOperation operation) =>
        operation.Parent is IArgumentOperation { ArgumentKind: ArgumentKind.ParamArray or ArgumentKind.ParamCollection };

    /// <summary>True when <paramref name="operation"/> is inside <c>nameof(...)</c> or an attribute, where nothing runs.</summary>
    internal static bool IsInNonExecutableContext(IOperation operation)
    {
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            if (current is INameOfOperation || current.Kind == OperationKind.Attribute)
            {
                return true;
            }
        }

        return false;
    }
}
