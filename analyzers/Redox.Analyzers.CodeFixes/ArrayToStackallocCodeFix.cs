using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace Redox.Analyzers.CodeFixes;

/// <summary>
/// Fix for RDX1002: <c>var buffer = new byte[64];</c> becomes <c>Span&lt;byte&gt; buffer = stackalloc byte[64];</c>.
/// Offered only when it is safe and the meaning is unchanged: unmanaged element type, one
/// dimension, constant length of at most <see cref="MaxLength"/> elements, a local declaration
/// of that single variable, not in a loop (stack space is not reclaimed per iteration, CA2014),
/// not in an async or iterator function, and every use of the local is one a span supports the
/// same way: indexing, <c>Length</c>, <c>foreach</c>, or an argument to a <c>Span&lt;T&gt;</c> or
/// <c>ReadOnlySpan&lt;T&gt;</c> parameter. A local that is returned, stored, captured or passed as
/// an array gets no fix. Like the array, stackalloc memory is zeroed unless [SkipLocalsInit] is on.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ArrayToStackallocCodeFix))]
[Shared]
public sealed class ArrayToStackallocCodeFix : CodeFixProvider
{
    /// <summary>Largest array turned into stack memory, in elements.</summary>
    public const int MaxLength = 1024;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ArrayAllocation);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ArrayCreationExpressionSyntax creation
            || !CanFix(model, creation, context.CancellationToken, out var declaration, out var elementType))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use stackalloc into a Span<{elementType}>",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, Rewrite(declaration, creation)))),
                nameof(ArrayToStackallocCodeFix)),
            diagnostic);
    }

    private static bool CanFix(SemanticModel model, ArrayCreationExpressionSyntax creation, CancellationToken cancellationToken, out LocalDeclarationStatementSyntax declaration, out string elementType)
    {
        declaration = null!;
        elementType = creation.Type.ElementType.ToString();
        if (creation.Type.RankSpecifiers.Count != 1 || creation.Type.RankSpecifiers[0].Sizes.Count != 1
            || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } variables
            || variables.Parent is not LocalDeclarationStatementSyntax local
            || local.UsingKeyword != default || local.IsConst)
        {
            return false;
        }

        declaration = local;
        if (model.GetOperation(creation, cancellationToken) is not IArrayCreationOperation { Type: IArrayTypeSymbol { ElementType.IsUnmanagedType: true } } array
            || array.DimensionSizes[0].ConstantValue is not { HasValue: true, Value: int length }
            || length < 0 || length > MaxLength)
        {
            return false;
        }

        var function = EnclosingFunction(local);
        if (function is null || IsInLoop(local, function) || IsAsyncOrIterator(function))
        {
            return false;
        }

        var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
        return symbol != null && AllUsesFitSpan(model, function, symbol, cancellationToken);
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);

    private static bool IsInLoop(SyntaxNode node, SyntaxNode function) =>
        node.Ancestors().TakeWhile(a => a != function).Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);

    private static bool IsAsyncOrIterator(SyntaxNode function)
    {
        var modifiers = function switch
        {
            BaseMethodDeclarationSyntax method => method.Modifiers,
            LocalFunctionStatementSyntax localFunction => localFunction.Modifiers,
            AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
            _ => default,
        };

        return modifiers.Any(SyntaxKind.AsyncKeyword)
            || function.DescendantNodes(n => n == function || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)).OfType<YieldStatementSyntax>().Any();
    }

    private static bool AllUsesFitSpan(SemanticModel model, SyntaxNode function, ISymbol local, CancellationToken cancellationToken)
    {
        foreach (var identifier in function.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            // A span cannot be captured by a lambda or local function.
            if (EnclosingFunction(identifier) != function || !IsSpanFriendlyUse(model, identifier, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpanFriendlyUse(SemanticModel model, IdentifierNameSyntax identifier, CancellationToken cancellationToken)
    {
        switch (identifier.Parent)
        {
            case ElementAccessExpressionSyntax access when access.Expression == identifier:
                return true;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } member when member.Expression == identifier:
                return true;
            case ForEachStatementSyntax loop when loop.Expression == identifier:
                return true;
            case ArgumentSyntax { RefKindKeyword.RawKind: 0 } argument:
                return model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter.Type: INamedTypeSymbol parameterType }
                    && parameterType.OriginalDefinition.ContainingNamespace?.ToDisplayString() == "System"
                    && parameterType.OriginalDefinition.MetadataName is "Span`1" or "ReadOnlySpan`1";
            default:
                return false;
        }
    }

    private static LocalDeclarationStatementSyntax Rewrite(LocalDeclarationStatementSyntax declaration, ArrayCreationExpressionSyntax creation)
    {
        var elementType = creation.Type.ElementType.WithoutTrivia();
        var spanType = SyntaxFactory.QualifiedName(
                SyntaxFactory.IdentifierName("System"),
                SyntaxFactory.GenericName(SyntaxFactory.Identifier("Span"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(elementType))))
            .WithAdditionalAnnotations(Simplifier.Annotation)
            .WithTriviaFrom(declaration.Declaration.Type);
        var allocation = SyntaxFactory.StackAllocArrayCreationExpression(creation.Type.WithoutLeadingTrivia(), creation.Initializer)
            .WithTriviaFrom(creation);
        var declarator = declaration.Declaration.Variables[0];
        return declaration.WithDeclaration(declaration.Declaration
            .WithType(spanType)
            .WithVariables(SyntaxFactory.SingletonSeparatedList(declarator.WithInitializer(declarator.Initializer!.WithValue(allocation)))));
    }
}
