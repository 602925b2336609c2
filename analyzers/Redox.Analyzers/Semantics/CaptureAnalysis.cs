using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Redox.Analyzers.Semantics;

/// <summary>
/// Does a lambda capture? A lambda that reads or writes a local or parameter of an enclosing
/// function, uses <c>this</c>, or calls a local function that does, gets a closure; one that does
/// not is emitted as a method on a cached singleton and its delegate is created once.
/// Walks the IOperation tree; no data-flow analysis needed.
/// </summary>
internal static class CaptureAnalysis
{
    /// <summary>True when <paramref name="lambda"/> captures anything from its enclosing scope.</summary>
    internal static bool Captures(IAnonymousFunctionOperation lambda)
    {
        if (lambda.Symbol.IsStatic)
        {
            return false;
        }

        return Captures(lambda.Body, lambda.Syntax.Span, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
    }

    private static bool Captures(IOperation body, TextSpan span, HashSet<IMethodSymbol> visited)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return true;
                case ILocalReferenceOperation local when IsOutside(local.Local, span, body.SyntaxTreeOrNull()):
                    return true;
                case IParameterReferenceOperation parameter when IsOutside(parameter.Parameter.ContainingSymbol, span, body.SyntaxTreeOrNull()):
                    return true;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call when CallsCapturingLocalFunction(call.TargetMethod, span, call.SemanticModel, visited):
                    return true;
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference when CallsCapturingLocalFunction(reference.Method, span, reference.SemanticModel, visited):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A local function declared outside the lambda captures for it if the function itself captures.</summary>
    private static bool CallsCapturingLocalFunction(IMethodSymbol function, TextSpan span, SemanticModel? model, HashSet<IMethodSymbol> visited)
    {
        function = function.OriginalDefinition;
        if (function.IsStatic || model is null || !visited.Add(function))
        {
            return false;
        }

        foreach (var reference in function.DeclaringSyntaxReferences)
        {
            if (span.Contains(reference.Span) || reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            if (model.GetOperation(reference.GetSyntax()) is ILocalFunctionOperation { Body: { } body } declaration
                && Captures(body, declaration.Syntax.Span, visited))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOutside(ISymbol symbol, TextSpan span, SyntaxTree? tree)
    {
        if (symbol.IsStatic && symbol is ILocalSymbol)
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            return reference.SyntaxTree != tree || !span.Contains(reference.Span);
        }

        // No declaring syntax: a compiler-made local (e.g. a pattern temp) belongs to where it is used.
        return false;
    }

    private static SyntaxTree? SyntaxTreeOrNull(this IOperation operation) => operation.Syntax?.SyntaxTree;
}
