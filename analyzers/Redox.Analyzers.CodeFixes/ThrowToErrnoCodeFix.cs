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
using Microsoft.CodeAnalysis.Simplification;
using Redox.Analyzers.Scope;

namespace Redox.Analyzers.CodeFixes;

/// <summary>
/// Fix for RDX1080: <c>throw new XxxException(...);</c> inside a scheme handler
/// override becomes an errno return, Redox's "errors are values".
/// <para>
/// The shape of the return was decided against src/Redox.Scheme.Abstractions and
/// src/Redox.Syscall: handlers return <c>SyscallResult</c> or <c>OpenResult</c>, both with an
/// implicit conversion from <c>Redox.Syscall.Errno</c> (an enum), so the fix writes
/// <c>return Errno.EINVAL;</c>. For a handler returning <c>int</c> or <c>long</c> (Redox's raw
/// <c>-errno</c> convention) it writes <c>return -(int)Errno.EINVAL;</c>. Any other return type
/// gets no fix. The name is written fully qualified and simplified against the file's usings.
/// </para>
/// Mapping (most derived match wins; anything else is EIO): ArgumentException and subclasses,
/// InvalidOperationException -> EINVAL; NotSupportedException, NotImplementedException -> ENOSYS;
/// ObjectDisposedException -> EBADF; FileNotFoundException, DirectoryNotFoundException -> ENOENT;
/// IOException -> EIO; UnauthorizedAccessException -> EACCES.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThrowToErrnoCodeFix))]
[Shared]
public sealed class ThrowToErrnoCodeFix : CodeFixProvider
{
    private const string ErrnoMetadataName = "Redox.Syscall.Errno";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ExceptionAllocation);

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
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } statement)
        {
            return;
        }

        var replacement = BuildReturn(model, statement, creation, context.CancellationToken, out var errno);
        if (replacement is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Return {errno} instead of throwing",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, replacement))),
                nameof(ThrowToErrnoCodeFix)),
            diagnostic);
    }

    private static ReturnStatementSyntax? BuildReturn(SemanticModel model, ThrowStatementSyntax statement, ObjectCreationExpressionSyntax creation, CancellationToken cancellationToken, out string errno)
    {
        errno = string.Empty;

        // Only in the handler's own body, not in a lambda or local function inside it.
        var function = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (function is not MethodDeclarationSyntax method
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } handler
            || !NoAllocScope.IsSchemeHandler(handler)
            || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol exception)
        {
            return null;
        }

        errno = MapToErrno(exception);
        var errnoType = model.Compilation.GetTypeByMetadataName(ErrnoMetadataName);
        var value = QualifiedErrno(errno);
        ExpressionSyntax expression;
        switch (handler.ReturnType.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
                // -(int)Errno.EINVAL: Redox's raw convention; int widens to long implicitly.
                expression = SyntaxFactory.PrefixUnaryExpression(
                    SyntaxKind.UnaryMinusExpression,
                    SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), value));
                break;
            default:
                if (errnoType is null || !ConvertsFrom(handler.ReturnType, errnoType, model.Compilation))
                {
                    return null;
                }

                expression = value;
                break;
        }

        return SyntaxFactory.ReturnStatement(expression).WithTriviaFrom(statement);
    }

    private static bool ConvertsFrom(ITypeSymbol target, ITypeSymbol errno, Compilation compilation) =>
        SymbolEqualityComparer.Default.Equals(target, errno) || compilation.ClassifyCommonConversion(errno, target) is { Exists: true, IsImplicit: true };

    private static ExpressionSyntax QualifiedErrno(string errno)
    {
        // Parsed, not built from a NameSyntax, so the tree is exactly what the text would parse to.
        var access = (MemberAccessExpressionSyntax)SyntaxFactory.ParseExpression(ErrnoMetadataName + "." + errno);
        return access
            .WithExpression(access.Expression.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary>The errno for an exception type: the first match walking from the type to its bases.</summary>
    internal static string MapToErrno(INamedTypeSymbol exception)
    {
        for (var type = exception; type != null; type = type.BaseType)
        {
            switch (type.Name)
            {
                case "ArgumentException":
                case "InvalidOperationException":
                    return "EINVAL";
                case "NotSupportedException":
                case "NotImplementedException":
                case "PlatformNotSupportedException":
                    return "ENOSYS";
                case "ObjectDisposedException":
                    return "EBADF";
                case "FileNotFoundException":
                case "DirectoryNotFoundException":
                    return "ENOENT";
                case "IOException":
                    return "EIO";
                case "UnauthorizedAccessException":
                    return "EACCES";
            }
        }

        return "EIO";
    }
}
