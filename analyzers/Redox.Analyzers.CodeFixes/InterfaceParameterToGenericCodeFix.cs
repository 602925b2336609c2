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

namespace Redox.Analyzers.CodeFixes;

/// <summary>
/// Fix for RDX1010 when a struct is boxed by passing it to an interface-typed parameter of a
/// method declared in source: make that method generic, <c>void M(IFoo x)</c> becomes
/// <c>void M&lt;TFoo&gt;(TFoo x) where TFoo : IFoo</c>. The diagnostic stays at the call site (that
/// is where the allocation happens and where the author looks); the fix edits the declaration,
/// possibly in another document, and every call site then infers <c>TFoo</c> from its argument.
/// Offered only for ordinary, non-virtual methods that implement no interface member, so no
/// override or implementation breaks (and no generic virtual method appears, whose call would go through the
/// runtime's lookup instead of a direct call).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InterfaceParameterToGenericCodeFix))]
[Shared]
public sealed class InterfaceParameterToGenericCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BoxingConversion);

    /// <summary>Edits a declaration that may be in another document; fix-all would race on it.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

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
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var target = FindTarget(model, node, context.CancellationToken);
        if (target is null)
        {
            return;
        }

        var (method, parameter) = target.Value;
        var title = $"Make '{method.Name}' generic over '{parameter.Type.Name}' to avoid boxing";
        context.RegisterCodeFix(
            CodeAction.Create(title, ct => MakeGenericAsync(context.Document.Project.Solution, method, parameter, ct), nameof(InterfaceParameterToGenericCodeFix)),
            diagnostic);
    }

    private static (IMethodSymbol Method, IParameterSymbol Parameter)? FindTarget(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(node, cancellationToken);
        var conversion = operation as IConversionOperation ?? operation?.Parent as IConversionOperation;
        if (conversion?.Parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call })
        {
            return null;
        }

        var method = call.TargetMethod.OriginalDefinition;
        parameter = method.Parameters[parameter.Ordinal];
        if (parameter.Type.TypeKind != TypeKind.Interface || parameter.IsParams || parameter.RefKind != RefKind.None
            || parameter.NullableAnnotation == NullableAnnotation.Annotated)
        {
            return null;
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || method.PartialDefinitionPart != null || method.PartialImplementationPart != null || !method.ExplicitInterfaceImplementations.IsEmpty
            || ImplementsInterfaceMember(method) || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return (method, parameter);
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static async Task<Solution> MakeGenericAsync(Solution solution, IMethodSymbol method, IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        var reference = method.DeclaringSyntaxReferences[0];
        var document = solution.GetDocument(reference.SyntaxTree);
        if (document is null || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not MethodDeclarationSyntax declaration)
        {
            return solution;
        }

        var parameterSyntax = declaration.ParameterList.Parameters[parameter.Ordinal];
        if (parameterSyntax.Type is null)
        {
            return solution;
        }

        var name = TypeParameterName(method, parameter.Type);
        var typeParameter = SyntaxFactory.TypeParameter(name);
        var constraint = SyntaxFactory.TypeParameterConstraintClause(
            SyntaxFactory.IdentifierName(name),
            SyntaxFactory.SingletonSeparatedList<TypeParameterConstraintSyntax>(SyntaxFactory.TypeConstraint(parameterSyntax.Type.WithoutTrivia())));

        var updated = declaration.ReplaceNode(
            parameterSyntax,
            parameterSyntax.WithType(SyntaxFactory.IdentifierName(name).WithTriviaFrom(parameterSyntax.Type)));
        updated = updated.WithTypeParameterList(updated.TypeParameterList is { } list
            ? list.AddParameters(typeParameter)
            : SyntaxFactory.TypeParameterList(SyntaxFactory.SingletonSeparatedList(typeParameter)));

        // The new clause goes after the parameter list (or the last clause) and takes over its
        // trailing trivia, so the body or arrow stays where the author had it.
        if (updated.ConstraintClauses.Count == 0)
        {
            var trailing = updated.ParameterList.GetTrailingTrivia();
            updated = updated
                .WithParameterList(updated.ParameterList.WithTrailingTrivia(SyntaxFactory.Space))
                .AddConstraintClauses(constraint.WithTrailingTrivia(trailing));
        }
        else
        {
            var last = updated.ConstraintClauses[updated.ConstraintClauses.Count - 1];
            var trailing = last.GetTrailingTrivia();
            updated = updated.WithConstraintClauses(updated.ConstraintClauses
                .Replace(last, last.WithTrailingTrivia(SyntaxFactory.Space))
                .Add(constraint.WithTrailingTrivia(trailing)));
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? solution : solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(declaration, updated));
    }

    /// <summary><c>IFoo</c> -> <c>TFoo</c>, <c>IEquatable&lt;int&gt;</c> -> <c>TEquatable</c>; a digit is added on a clash.</summary>
    private static string TypeParameterName(IMethodSymbol method, ITypeSymbol @interface)
    {
        var stem = @interface.Name;
        if (stem.Length > 1 && stem[0] == 'I' && char.IsUpper(stem[1]))
        {
            stem = stem.Substring(1);
        }

        var taken = method.TypeParameters.Select(t => t.Name)
            .Concat(method.Parameters.Select(p => p.Name))
            .Concat(ContainingTypeParameters(method.ContainingType))
            .ToImmutableHashSet();
        var name = "T" + stem;
        for (int i = 2; taken.Contains(name); i++)
        {
            name = "T" + stem + i;
        }

        return name;
    }

    private static System.Collections.Generic.IEnumerable<string> ContainingTypeParameters(INamedTypeSymbol? type)
    {
        for (; type != null; type = type.ContainingType)
        {
            foreach (var parameter in type.TypeParameters)
            {
                yield return parameter.Name;
            }
        }
    }
}
