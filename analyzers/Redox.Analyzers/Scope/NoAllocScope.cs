using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.Scope;

/// <summary>
/// Decides which code the allocation rules (RDX1xxx) look at: members of types or members marked
/// <c>[Redox.NoAlloc]</c> (matched by full metadata name wherever the attribute is defined, as
/// Roslyn matches <c>PerformanceSensitiveAttribute</c>), everything when the assembly is marked,
/// and every override of a virtual member declared on <c>Redox.Scheme.SchemeBase</c>
/// (the request handlers). Lambdas and local functions share the scope of their member. Methods and
/// accessors those members reach through direct calls within the assembly are in scope too
/// (<see cref="DirectCallReach"/>).
/// Construction code (constructors, static constructors, initializers) is in scope only when the
/// member itself is marked (see <see cref="Contains"/>).
/// One instance per compilation; answers are cached per member.
/// </summary>
internal sealed class NoAllocScope
{
    private const string AttributeName = "NoAllocAttribute";
    private const string AttributeNamespace = "Redox";
    private const string SchemeBaseName = "SchemeBase";
    private const string SchemeBaseNamespace = "Redox.Scheme";

    private readonly bool _everything;
    private readonly bool _followCalls;
    private readonly Compilation _compilation;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<ISymbol, bool> _members = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _ownMarks = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, bool> _forcedTrees = new ConcurrentDictionary<SyntaxTree, bool>();

    private DirectCallReach? _reach;

    private NoAllocScope(bool everything, Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        _everything = everything;
        _followCalls = !OptionKeys.IsFalse(options.GlobalOptions, OptionKeys.FollowCalls);
        _compilation = compilation;
        _options = options;
    }

    /// <summary>Creates the scope for one compilation.</summary>
    internal static NoAllocScope Create(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        bool everything = HasNoAlloc(compilation.Assembly) || OptionKeys.IsTrue(provider.GlobalOptions, OptionKeys.ForceNoAllocScope);
        return new NoAllocScope(everything, compilation, provider);
    }

    /// <summary>True when the code at <paramref name="node"/>, in <paramref name="symbol"/> (a member, local function or lambda), must not allocate.</summary>
    /// <remarks>
    /// Construction code (instance and static constructors, their local functions, and field,
    /// property and event initializers) is in scope only when that member is itself marked
    /// <c>[NoAlloc]</c>: a scope that comes from the type, an enclosing type, the assembly or
    /// <c>SchemeBase</c> does not reach it, because allocating once at construction (handle tables,
    /// buffers) is how a driver avoids allocating while it serves requests. A lambda inside
    /// construction code keeps the normal scope: its body runs whenever the delegate is invoked
    /// (creating the delegate is construction code).
    /// </remarks>
    internal bool Contains(ISymbol? symbol, SyntaxNode node)
    {
        var tree = node.SyntaxTree;
        var member = symbol;
        bool inLambda = false;
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function)
        {
            inLambda |= function.MethodKind == MethodKind.AnonymousFunction;
            member = member.ContainingSymbol;
        }

        if (IsConstructionCode(member) && !inLambda && !IsInsideLambda(node))
        {
            return _ownMarks.GetOrAdd(member!, s => HasNoAlloc(s));
        }

        return IsDirectlyInScope(member, tree) || (_followCalls && member is IMethodSymbol method && Reach.Contains(method));
    }

    /// <summary>The direct calls out of the members in scope by themselves, computed on first use.</summary>
    private DirectCallReach Reach
    {
        get
        {
            var reach = Volatile.Read(ref _reach);
            if (reach is null)
            {
                reach = DirectCallReach.For(_compilation, IsRoot);
                Volatile.Write(ref _reach, reach);
            }

            return reach;
        }
    }

    /// <summary>A method in scope by itself (mark, handler, assembly, forced tree); the walk offers no constructors.</summary>
    private bool IsRoot(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (IsDirectlyInScope(method, reference.SyntaxTree))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="member"/> is in scope by its own or an enclosing mark, as a handler, or by assembly or tree.</summary>
    private bool IsDirectlyInScope(ISymbol? member, SyntaxTree tree)
    {
        if (_everything || IsForced(tree))
        {
            return true;
        }

        for (var current = member; current != null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                continue;
            }

            if (_members.GetOrAdd(current, s => IsMarkedOrHandler(s)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> is inside the body of a lambda or anonymous method (not the lambda itself).</summary>
    private static bool IsInsideLambda(SyntaxNode node)
    {
        for (var current = node.Parent; current != null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for code that runs while an object or a type is constructed: constructors, static
    /// constructors, and the initializers of fields, auto-properties and field-like events (the
    /// containing symbol of an initializer is the field, property or event it initializes).
    /// </summary>
    internal static bool IsConstructionCode(ISymbol? member) => member switch
    {
        IMethodSymbol method => method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor,
        IFieldSymbol or IPropertySymbol or IEventSymbol => true,
        _ => false,
    };

    /// <summary>True when <paramref name="member"/> overrides a virtual member declared on <c>Redox.Scheme.SchemeBase</c>.</summary>
    internal static bool IsSchemeHandler(ISymbol? member)
    {
        switch (member)
        {
            case IMethodSymbol method:
                if (method.AssociatedSymbol is IPropertySymbol or IEventSymbol)
                {
                    return IsSchemeHandler(method.AssociatedSymbol);
                }

                for (var m = method.OverriddenMethod; m != null; m = m.OverriddenMethod)
                {
                    if (IsSchemeBase(m.ContainingType))
                    {
                        return true;
                    }
                }

                return false;
            case IPropertySymbol property:
                for (var p = property.OverriddenProperty; p != null; p = p.OverriddenProperty)
                {
                    if (IsSchemeBase(p.ContainingType))
                    {
                        return true;
                    }
                }

                return false;
            case IEventSymbol @event:
                for (var e = @event.OverriddenEvent; e != null; e = e.OverriddenEvent)
                {
                    if (IsSchemeBase(e.ContainingType))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsMarkedOrHandler(ISymbol symbol)
    {
        if (HasNoAlloc(symbol) || IsSchemeHandler(symbol))
        {
            return true;
        }

        // An accessor is in scope when its property or event is marked.
        return symbol is IMethodSymbol { AssociatedSymbol: { } associated } && HasNoAlloc(associated);
    }

    private bool IsForced(SyntaxTree tree) =>
        _forcedTrees.GetOrAdd(tree, t => OptionKeys.IsTrue(_options.GetOptions(t), OptionKeys.ForceNoAllocScope));

    private static bool HasNoAlloc(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is { MetadataName: AttributeName } && type.ContainingType == null && IsNamespace(type.ContainingNamespace, AttributeNamespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSchemeBase(INamedTypeSymbol? type) =>
        type is { MetadataName: SchemeBaseName, ContainingType: null } && IsNamespace(type.ContainingNamespace, SchemeBaseNamespace);

    /// <summary>Compares a namespace with a dotted name without allocating a display string per call.</summary>
    internal static bool IsNamespace(INamespaceSymbol? ns, string dotted)
    {
        int end = dotted.Length;
        while (ns is { IsGlobalNamespace: false })
        {
            int start = dotted.LastIndexOf('.', end - 1) + 1;
            if (end - start != ns.Name.Length || string.CompareOrdinal(dotted, start, ns.Name, 0, ns.Name.Length) != 0)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            end = start - 1;
            if (end < 0)
            {
                return ns is null || ns.IsGlobalNamespace;
            }
        }

        return false;
    }
}
