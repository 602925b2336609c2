using Microsoft.CodeAnalysis;

namespace Redox.Analyzers;

/// <summary>
/// The diagnostic descriptors, one per ID in <see cref="DiagnosticIds"/>. Severities: allocations
/// warn (the driver still runs, only slower or out of heap); bare-metal rules are errors (the
/// driver would build and then fail in the image). Every rule is configurable through
/// <c>dotnet_diagnostic.RDXnnnn.severity</c> in <c>.editorconfig</c>.
/// </summary>
internal static class Descriptors
{
    // Set by the build (Redox.Analyzers.csproj, RedoxRulesHelpRoot): the rule pages of this checkout unless a release names others.
    private const string HelpRoot = HelpLinks.Root;

    /// <summary>Category of the RDX1xxx rules.</summary>
    internal const string Allocation = "Redox.Allocation";

    /// <summary>Category of the RDX2xxx rules.</summary>
    internal const string BareMetal = "Redox.BareMetal";

    internal static readonly DiagnosticDescriptor ObjectAllocation = Warn(DiagnosticIds.ObjectAllocation,
        "Object allocation on a no-allocation path",
        "'new {0}' allocates on the heap",
        "Creating an instance of a class or a string allocates on the heap. Code marked [NoAlloc] and scheme handlers must not allocate: use a struct, a preallocated object or a span over caller memory.");

    internal static readonly DiagnosticDescriptor ArrayAllocation = Warn(DiagnosticIds.ArrayAllocation,
        "Array allocation on a no-allocation path",
        "Array of '{0}' allocated on the heap",
        "Arrays live on the heap. Use stackalloc into a Span<T> for small fixed buffers, or slice a buffer owned by the caller.");

    internal static readonly DiagnosticDescriptor AnonymousTypeAllocation = Warn(DiagnosticIds.AnonymousTypeAllocation,
        "Anonymous type allocation on a no-allocation path",
        "Anonymous type allocated on the heap",
        "Anonymous types are classes. Use a value tuple or a struct.");

    internal static readonly DiagnosticDescriptor CollectionExpressionAllocation = Warn(DiagnosticIds.CollectionExpressionAllocation,
        "Collection expression allocates on a no-allocation path",
        "Collection expression of type '{0}' allocates on the heap",
        "A collection expression targeting an array, a class or an interface builds a heap object. Target Span<T> or ReadOnlySpan<T> instead; those stay on the stack or in the image's read-only data.");

    internal static readonly DiagnosticDescriptor BoxingConversion = Warn(DiagnosticIds.BoxingConversion,
        "Boxing on a no-allocation path",
        "Value of type '{0}' is boxed to '{1}'",
        "Converting a value type to object, an interface, Enum or ValueType copies it into a new heap object. Keep the static type: make the receiving method generic with a constraint (where T : struct, IFoo).");

    internal static readonly DiagnosticDescriptor BoxingVirtualCall = Warn(DiagnosticIds.BoxingVirtualCall,
        "Boxing call of a non-overridden virtual method on a struct",
        "'{0}.{1}' is not overridden by '{0}'; calling it boxes the value",
        "ToString, GetHashCode, Equals and GetType inherited from object, ValueType or Enum run on a boxed copy. Override them in the struct, or avoid the call.");

    internal static readonly DiagnosticDescriptor BoxingTypePattern = Warn(DiagnosticIds.BoxingTypePattern,
        "Type test boxes a struct",
        "Testing a '{0}' value against '{1}' boxes it",
        "A pattern that keeps a struct as an interface or object reference (a variable, or members read through it) boxes the value; a bare type test does not. Use the struct type directly, or a generic method constrained to the interface.");

    internal static readonly DiagnosticDescriptor StringConcatenation = Warn(DiagnosticIds.StringConcatenation,
        "String concatenation allocates",
        "String concatenation allocates a new string",
        "A non-constant string concatenation builds a new string on the heap. Format into a Span<char> or Span<byte> (TryFormat, Utf8 formatting) instead.");

    internal static readonly DiagnosticDescriptor StringInterpolation = Warn(DiagnosticIds.StringInterpolation,
        "String interpolation allocates",
        "Interpolated string allocates a new string",
        "An interpolated string converted to string allocates. Write into a span with a handler-based API such as MemoryExtensions.TryWrite, or keep the string constant.");

    internal static readonly DiagnosticDescriptor StringFormatting = Warn(DiagnosticIds.StringFormatting,
        "String formatting allocates",
        "'string.{0}' allocates a new string",
        "string.Format, string.Concat and string.Join build new strings (and often box and allocate a params array). Format into a span instead.");

    internal static readonly DiagnosticDescriptor AllocatingConversionApi = Warn(DiagnosticIds.AllocatingConversionApi,
        "API call allocates a string or array",
        "'{0}' allocates a new {1}",
        "This API returns a freshly allocated string or array. Use the span-based counterpart (TryFormat, AsSpan, Slice, CopyTo, Split into Span<Range>).");

    internal static readonly DiagnosticDescriptor ClosureAllocation = Warn(DiagnosticIds.ClosureAllocation,
        "Delegate from a closure allocates",
        "{0} converted to a delegate allocates a closure and a delegate",
        "A lambda that captures locals, parameters or 'this', and any non-static local function converted to a delegate, allocate on every conversion. Make the lambda static, pass state explicitly, or call a local function directly.");

    internal static readonly DiagnosticDescriptor MethodGroupAllocation = Warn(DiagnosticIds.MethodGroupAllocation,
        "Method-group delegate allocates",
        "Delegate creation for '{0}' allocates",
        "Only implicit conversions of static method groups (C# 11 and later) and non-capturing lambdas are cached by the compiler. Instance and extension method groups, and explicit 'new D(...)', allocate a delegate every time.");

    internal static readonly DiagnosticDescriptor LinqAllocation = Warn(DiagnosticIds.LinqAllocation,
        "LINQ allocates",
        "LINQ method '{0}' allocates iterators, delegates or enumerators",
        "System.Linq builds iterator objects and boxes enumerators. Write the loop over a span or array.");

    internal static readonly DiagnosticDescriptor ParamsAllocation = Warn(DiagnosticIds.ParamsAllocation,
        "params call allocates",
        "Call to '{0}' allocates a params {1}",
        "A params T[] (or params List<T>/IEnumerable<T>) argument list is built on the heap on every call. Call an overload with fixed parameters, or a params ReadOnlySpan<T> overload.");

    internal static readonly DiagnosticDescriptor EnumeratorAllocation = Warn(DiagnosticIds.EnumeratorAllocation,
        "foreach allocates an enumerator",
        "foreach over '{0}' allocates its enumerator ('{1}')",
        "When GetEnumerator returns an interface or a class, foreach allocates (or boxes) the enumerator. Iterate the concrete type (struct enumerator), an array or a span.");

    internal static readonly DiagnosticDescriptor IteratorAllocation = Warn(DiagnosticIds.IteratorAllocation,
        "Iterator allocates a state machine",
        "Iterator '{0}' allocates a state machine object on every call",
        "yield return compiles to a class. Fill a caller-provided span, or expose a struct enumerator.");

    internal static readonly DiagnosticDescriptor AsyncAllocation = Warn(DiagnosticIds.AsyncAllocation,
        "async allocates a state machine",
        "async '{0}' allocates a state machine and a task",
        "An async method allocates when it completes asynchronously, and Task results allocate. Scheme handlers are synchronous: return a value or an errno and let the scheme loop do the waiting.");

    internal static readonly DiagnosticDescriptor ExceptionAllocation = Warn(DiagnosticIds.ExceptionAllocation,
        "throw new allocates an exception",
        "'throw new {0}' allocates; return an errno instead",
        "Errors are values in Redox: a handler returns -errno (Redox.Syscall.Errno). Throwing allocates the exception and its stack trace.");

    internal static readonly DiagnosticDescriptor DelegateUnsupported = Error(DiagnosticIds.DelegateUnsupported,
        "Delegate combination is not supported on bare metal",
        "{0} delegates is not supported on bare metal: each combination allocates an invocation list that is never freed; keep one delegate per slot (an array of delegates, or an interface)",
        "Creating and invoking a delegate work on bare metal. Combining them (+, +=, -, -=, event subscription, field-like events) would allocate a new invocation list on every change, with no garbage collector to reclaim the old one, so the core library does not provide Delegate.Combine. Keep a fixed array of single delegates, or call an interface, instead.");

    internal static readonly DiagnosticDescriptor LockUnsupported = Error(DiagnosticIds.LockUnsupported,
        "lock is not supported on bare metal",
        "'lock' is not supported on bare metal",
        "Monitor-based locks need the thread and sync-block machinery the bare-metal runtime lacks. Use the kernel's spin lock or a single-threaded scheme loop.");

    internal static readonly DiagnosticDescriptor AsyncUnsupported = Error(DiagnosticIds.AsyncUnsupported,
        "async/await is not supported on bare metal",
        "async '{0}' is not supported on bare metal",
        "There is no task scheduler or thread pool on bare metal. Handlers are synchronous; the scheme loop waits for the next request.");

    internal static readonly DiagnosticDescriptor DynamicUnsupported = Error(DiagnosticIds.DynamicUnsupported,
        "dynamic is not supported on bare metal",
        "'dynamic' is not supported on bare metal",
        "dynamic needs the DLR and reflection. Use static types.");

    internal static readonly DiagnosticDescriptor FinalizerUnsupported = Error(DiagnosticIds.FinalizerUnsupported,
        "Finalizers are not supported on bare metal",
        "Finalizer of '{0}' never runs on bare metal",
        "There is no garbage collector, so finalizers never run. Release resources explicitly (Close handler, Dispose).");

    internal static readonly DiagnosticDescriptor ThreadStaticUnsupported = Error(DiagnosticIds.ThreadStaticUnsupported,
        "[ThreadStatic] is not supported on bare metal",
        "[ThreadStatic] field '{0}' is not supported on bare metal",
        "The bare-metal runtime has no thread-local storage for managed statics. Keep per-context state in the handle or scheme object.");

    internal static readonly DiagnosticDescriptor ApiUnavailable = Error(DiagnosticIds.ApiUnavailable,
        "API not available in the Redox core library",
        "'{0}' is not available in the Redox core library",
        "The driver compiles against the normal .NET reference assemblies, but the image links against the Redox core library, which provides a subset. The allowed set is the .redoxapi file generated from that library.");

    internal static readonly DiagnosticDescriptor ApiNotInCoreLib = Error(DiagnosticIds.ApiNotInCoreLib,
        ".NET API not in the Redox core library",
        "'{0}' is part of .NET but not of the Redox core library, the only library a bare-metal project compiles against; no assembly reference adds it. Hint: {1}.",
        "A Redox.Sdk project compiles against the Redox core library alone, so a .NET API it lacks is a compiler error (CS0234, CS0246 or CS0103) that suggests a missing assembly reference. No reference helps: the API is not on the bare metal. This rule names the API and what to use instead.");

    private static DiagnosticDescriptor Warn(string id, string title, string message, string description) =>
        Create(id, title, message, Allocation, DiagnosticSeverity.Warning, description);

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        Create(id, title, message, BareMetal, DiagnosticSeverity.Error, description);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpRoot + id + ".md");
}
