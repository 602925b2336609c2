using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Redox.Analyzers.Api;

/// <summary>
/// Finds, for a referenced type or member, the first piece the Redox core library lacks.
/// Only symbols from referenced assemblies in the <c>System</c> and <c>Microsoft</c> namespaces
/// are checked; the project's own code and other Redox packages are bare-metal code already.
/// Constants are skipped (the compiler inlines them) and so are members the compiler declares
/// implicitly (a struct's parameterless constructor). Answers are cached per symbol.
/// </summary>
internal sealed class ApiReferenceChecker
{
    private readonly ApiAllowList _list;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<ISymbol, ISymbol?> _cache = new ConcurrentDictionary<ISymbol, ISymbol?>(SymbolEqualityComparer.Default);

    /// <summary>Creates a checker for the compilation whose assembly is <paramref name="assembly"/>.</summary>
    internal ApiReferenceChecker(ApiAllowList list, IAssemblySymbol assembly)
    {
        _list = list;
        _assembly = assembly;
    }

    /// <summary>The allow-list being enforced.</summary>
    internal ApiAllowList List => _list;

    /// <summary>The first missing type or member needed by a reference to <paramref name="symbol"/>, or null.</summary>
    internal ISymbol? FindMissing(ISymbol? symbol) => symbol switch
    {
        null => null,
        ITypeSymbol type => FindMissingType(type),
        _ => _cache.GetOrAdd(symbol, FindMissingMember),
    };

    /// <summary>The first missing type in <paramref name="type"/> (element types and type arguments included), or null.</summary>
    internal ISymbol? FindMissingType(ITypeSymbol? type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return FindMissingType(array.ElementType);
            case IPointerTypeSymbol pointer:
                return FindMissingType(pointer.PointedAtType);
            case INamedTypeSymbol named when named.TypeKind != TypeKind.Error:
                return _cache.GetOrAdd(named, s => FindMissingNamedType((INamedTypeSymbol)s));
            default:
                return null;
        }
    }

    private ISymbol? FindMissingNamedType(INamedTypeSymbol type)
    {
        foreach (var argument in type.TypeArguments)
        {
            if (FindMissingType(argument) is { } missingArgument)
            {
                return missingArgument;
            }
        }

        if (type.ContainingType is { } outer && FindMissingType(outer) is { } missingOuter)
        {
            return missingOuter;
        }

        var definition = type.OriginalDefinition;
        if (!IsLibrary(definition))
        {
            return null;
        }

        var id = definition.GetDocumentationCommentId();
        return id is null || _list.Contains(id) ? null : definition;
    }

    private ISymbol? FindMissingMember(ISymbol member)
    {
        if (member.IsImplicitlyDeclared || member is IFieldSymbol { IsConst: true })
        {
            return null;
        }

        if (member is IMethodSymbol method)
        {
            if (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction)
            {
                return null;
            }

            foreach (var argument in method.TypeArguments)
            {
                if (FindMissingType(argument) is { } missingArgument)
                {
                    return missingArgument;
                }
            }

            member = method.ReducedFrom ?? method;
        }

        if (FindMissingType(member.ContainingType) is { } missingType)
        {
            return missingType;
        }

        var definition = member.OriginalDefinition;
        if (!IsLibrary(definition))
        {
            return null;
        }

        // Accessors are listed through their property or event.
        if (definition is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            definition = associated.OriginalDefinition;
        }

        var id = definition.GetDocumentationCommentId();
        return id is null || _list.Contains(id) ? null : definition;
    }

    private bool IsLibrary(ISymbol symbol)
    {
        var assembly = symbol.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, _assembly))
        {
            return false;
        }

        var ns = symbol.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        while (!ns.ContainingNamespace.IsGlobalNamespace)
        {
            ns = ns.ContainingNamespace;
        }

        return ns.Name is "System" or "Microsoft";
    }
}
