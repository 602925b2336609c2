using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Scope;

namespace Redox.Analyzers.Allocation;

/// <summary>
/// RDX1070-RDX1071: iterator and async methods, local functions and lambdas in scope. Both
/// compile to state machines: an iterator allocates its enumerator object on every call; an
/// async method allocates its box (and a Task) as soon as it awaits something incomplete.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StateMachineAllocationAnalyzer : NoAllocAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.IteratorAllocation,
        Descriptors.AsyncAllocation);

    private protected override void Register(CompilationStartAnalysisContext context, NoAllocScope scope)
    {
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var function = FunctionSymbol(c.Node, c.SemanticModel, c.CancellationToken);
                if (function is null || !scope.Contains(function.MethodKind == MethodKind.AnonymousFunction ? function : c.ContainingSymbol ?? function, c.Node))
                {
                    return;
                }

                if (function.IsAsync)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.AsyncAllocation, AsyncKeyword(c.Node).GetLocation(), Name(function)));
                }

                if (IsIterator(c.Node))
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.IteratorAllocation, NameLocation(c.Node), Name(function)));
                }
            },
            SyntaxKind.MethodDeclaration,
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.GetAccessorDeclaration,
            SyntaxKind.OperatorDeclaration,
            SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression,
            SyntaxKind.AnonymousMethodExpression);
    }

    private static IMethodSymbol? FunctionSymbol(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken) =>
        node is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol;

    /// <summary>True when the function's own body (not a nested function's) contains <c>yield</c>.</summary>
    private static bool IsIterator(SyntaxNode function)
    {
        foreach (var node in function.DescendantNodes(n => n == function || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
        {
            if (node is YieldStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static string Name(IMethodSymbol function) =>
        function.MethodKind == MethodKind.AnonymousFunction ? "lambda" : function.Name;

    private static SyntaxNodeOrToken AsyncKeyword(SyntaxNode node)
    {
        SyntaxTokenList modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalFunctionStatementSyntax local => local.Modifiers,
            AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
            _ => default,
        };

        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.AsyncKeyword))
            {
                return modifier;
            }
        }

        return node;
    }

    private static Location NameLocation(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.GetLocation(),
        LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
        AccessorDeclarationSyntax accessor => accessor.Keyword.GetLocation(),
        OperatorDeclarationSyntax op => op.OperatorToken.GetLocation(),
        _ => node.GetLocation(),
    };
}
