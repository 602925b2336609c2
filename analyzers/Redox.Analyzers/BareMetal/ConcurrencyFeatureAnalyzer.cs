using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.BareMetal;

/// <summary>
/// RDX2006-RDX2007: <c>lock</c> (Monitor or <c>System.Threading.Lock</c>) and <c>async</c>
/// functions. Both need threads, a scheduler and sync blocks the bare-metal runtime lacks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConcurrencyFeatureAnalyzer : BareMetalAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LockUnsupported,
        Descriptors.AsyncUnsupported);

    private protected override void Register(CompilationStartAnalysisContext context)
    {
        context.RegisterSyntaxNodeAction(
            c => c.ReportDiagnostic(Diagnostic.Create(Descriptors.LockUnsupported, ((LockStatementSyntax)c.Node).LockKeyword.GetLocation())),
            SyntaxKind.LockStatement);
        context.RegisterSyntaxNodeAction(
            c =>
            {
                var (modifiers, name) = c.Node switch
                {
                    MethodDeclarationSyntax method => (method.Modifiers, method.Identifier.ValueText),
                    LocalFunctionStatementSyntax local => (local.Modifiers, local.Identifier.ValueText),
                    AnonymousFunctionExpressionSyntax lambda => (lambda.Modifiers, "lambda"),
                    _ => (default(SyntaxTokenList), string.Empty),
                };

                foreach (var modifier in modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.AsyncKeyword))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Descriptors.AsyncUnsupported, modifier.GetLocation(), name));
                    }
                }
            },
            SyntaxKind.MethodDeclaration,
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression,
            SyntaxKind.AnonymousMethodExpression);
    }
}
