using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Redox.Analyzers.Scope;

/// <summary>
/// The methods and accessors that code in scope reaches through direct calls within the assembly:
/// a private helper that a scheme handler (or a <c>[NoAlloc]</c> member) calls runs on the same
/// request path, so the allocation rules report inside it as if it were marked.
/// <para>
/// Followed: calls whose target the compiler fixes (<see cref="IInvocationOperation.IsVirtual"/> false:
/// static, non-virtual instance, <c>base.</c> calls, extension methods), property and indexer accessors
/// read or written non-virtually, and user-defined operators and conversions, when the target has source
/// in this compilation. Not followed: virtual, abstract and interface calls (the target is chosen at run
/// time), method groups turned into delegates, constructors (construction may allocate by design, and a
/// <c>new</c> that allocates is reported where it is written), and anything in another assembly.
/// </para>
/// <para>
/// The walk is breadth-first from the roots with a visited set (cycles end), and stops
/// <see cref="MaxDepth"/> calls away from the nearest root. It runs once per compilation, shared by
/// every allocation analyzer, and only when an analyzer asks about a member that is not in scope by itself.
/// </para>
/// </summary>
internal sealed class DirectCallReach
{
    /// <summary>How many direct calls away from a root a helper may be and still be in scope.</summary>
    internal const int MaxDepth = 8;

    // Lazy: ConditionalWeakTable may run a factory twice when two analyzers ask at once; the walk must run once.
    private static readonly ConditionalWeakTable<Compilation, Lazy<DirectCallReach>> s_perCompilation = new ConditionalWeakTable<Compilation, Lazy<DirectCallReach>>();

    private readonly HashSet<ISymbol> _reached;

    private DirectCallReach(HashSet<ISymbol> reached) => _reached = reached;

    /// <summary>The reach of <paramref name="compilation"/>; <paramref name="isRoot"/> says which methods are in scope by themselves.</summary>
    internal static DirectCallReach For(Compilation compilation, Func<IMethodSymbol, bool> isRoot) =>
        s_perCompilation.GetValue(compilation, c => new Lazy<DirectCallReach>(() => new DirectCallReach(Walk(c, isRoot)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>True when <paramref name="method"/> (an original definition) is reached from a root, the roots excluded.</summary>
    internal bool Contains(ISymbol method) => _reached.Contains(method);

    private static HashSet<ISymbol> Walk(Compilation compilation, Func<IMethodSymbol, bool> isRoot)
    {
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var frontier = new List<IMethodSymbol>();
        foreach (var method in SourceMethods(compilation.Assembly.GlobalNamespace))
        {
            if (isRoot(method) && visited.Add(method))
            {
                frontier.Add(method);
            }
        }

        var roots = new HashSet<ISymbol>(visited, SymbolEqualityComparer.Default);
        for (int depth = 1; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var caller in frontier)
            {
                foreach (var callee in DirectCallees(compilation, caller))
                {
                    if (visited.Add(callee))
                    {
                        next.Add(callee);
                    }
                }
            }

            frontier = next;
        }

        visited.ExceptWith(roots);
        return visited;
    }

    /// <summary>Every method with source in the assembly, constructors and implicit members excluded.</summary>
    private static IEnumerable<IMethodSymbol> SourceMethods(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    foreach (var method in SourceMethods(nested))
                    {
                        yield return method;
                    }

                    break;
                case IMethodSymbol { IsImplicitlyDeclared: false, MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } method
                    when !method.DeclaringSyntaxReferences.IsEmpty:
                    yield return method;
                    break;
            }
        }
    }

    /// <summary>The targets of the direct calls in <paramref name="caller"/>'s body (lambdas and local functions included).</summary>
    private static IEnumerable<IMethodSymbol> DirectCallees(Compilation compilation, IMethodSymbol caller)
    {
        foreach (var reference in caller.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var body = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
            if (body is null)
            {
                continue;
            }

            foreach (var operation in body.Descendants())
            {
                foreach (var target in Targets(operation))
                {
                    var definition = Definition(target);
                    if (definition is not null && SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly))
                    {
                        yield return definition;
                    }
                }
            }
        }
    }

    private static IEnumerable<IMethodSymbol?> Targets(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { IsVirtual: false } invocation:
                yield return invocation.TargetMethod;
                break;
            case IPropertyReferenceOperation { Property: { IsVirtual: false, IsAbstract: false, IsOverride: false } property } access
                when property.ContainingType.TypeKind != TypeKind.Interface:
                if (!IsWriteOnly(access))
                {
                    yield return property.GetMethod;
                }

                if (IsWritten(access))
                {
                    yield return property.SetMethod;
                }

                break;
            case IBinaryOperation { OperatorMethod: { } op }:
                yield return op;
                break;
            case IUnaryOperation { OperatorMethod: { } op }:
                yield return op;
                break;
            case IConversionOperation { OperatorMethod: { } op }:
                yield return op;
                break;
            case ICompoundAssignmentOperation { OperatorMethod: { } op }:
                yield return op;
                break;
            case IIncrementOrDecrementOperation { OperatorMethod: { } op }:
                yield return op;
                break;
        }
    }

    /// <summary>The source method to put in scope: original definition, implementation part, no local functions (they are walked with their member).</summary>
    private static IMethodSymbol? Definition(IMethodSymbol? target)
    {
        if (target is null || target.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.Constructor or MethodKind.StaticConstructor)
        {
            return null;
        }

        var definition = target.ReducedFrom ?? target;
        definition = definition.OriginalDefinition;
        definition = definition.PartialImplementationPart ?? definition;
        return definition.IsAbstract || definition.DeclaringSyntaxReferences.IsEmpty ? null : definition;
    }

    private static bool IsWriteOnly(IPropertyReferenceOperation access) =>
        access.Parent is ISimpleAssignmentOperation assignment && assignment.Target == access;

    private static bool IsWritten(IPropertyReferenceOperation access) => access.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == access,
        IIncrementOrDecrementOperation => true,
        _ => false,
    };
}
