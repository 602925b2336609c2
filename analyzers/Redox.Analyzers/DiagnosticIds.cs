namespace Redox.Analyzers;

/// <summary>
/// Every diagnostic ID the Redox.NET analyzers report, in one place.
/// Ranges: <c>RDX10xx</c> allocations on a no-allocation path (warnings);
/// <c>RDX20xx</c> language and runtime features the bare-metal runtime lacks (errors, listed in
/// <c>src/Redox.CoreLib/LIMITS.md</c>); <c>RDX21xx</c> APIs the Redox core library lacks (errors).
/// Each ID has a page at <c>docs/rules/&lt;ID&gt;.md</c>.
/// </summary>
public static class DiagnosticIds
{
    // Explicit allocation (ExplicitAllocationAnalyzer).

    /// <summary><c>new</c> of a class, a string or a type parameter known to be a class, and target-typed <c>new()</c> of a class.</summary>
    public const string ObjectAllocation = "RDX1001";

    /// <summary><c>new T[n]</c>, <c>new[] { ... }</c> and array initializers.</summary>
    public const string ArrayAllocation = "RDX1002";

    /// <summary><c>new { ... }</c>: anonymous types are classes.</summary>
    public const string AnonymousTypeAllocation = "RDX1003";

    /// <summary>A collection expression whose target type puts it on the heap (array, class, interface).</summary>
    public const string CollectionExpressionAllocation = "RDX1004";

    // Boxing (BoxingAnalyzer).

    /// <summary>A value type converted to <c>object</c>, an interface, <c>Enum</c> or <c>ValueType</c>.</summary>
    public const string BoxingConversion = "RDX1010";

    /// <summary><c>ToString</c>, <c>GetHashCode</c>, <c>Equals</c> or <c>GetType</c> called on a struct that does not override it.</summary>
    public const string BoxingVirtualCall = "RDX1011";

    /// <summary>A type pattern or <c>is</c> test from a struct to an interface or <c>object</c>.</summary>
    public const string BoxingTypePattern = "RDX1012";

    // Strings (StringAllocationAnalyzer).

    /// <summary>String <c>+</c> or <c>+=</c> that is not constant-folded.</summary>
    public const string StringConcatenation = "RDX1020";

    /// <summary>An interpolated string that becomes a <c>string</c> (not constant, not a custom handler).</summary>
    public const string StringInterpolation = "RDX1021";

    /// <summary><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>.</summary>
    public const string StringFormatting = "RDX1022";

    /// <summary>An API that returns a new string or array: <c>ToString</c>, <c>Substring</c>, <c>Split</c>, <c>ToArray</c>...</summary>
    public const string AllocatingConversionApi = "RDX1023";

    // Delegates (DelegateAllocationAnalyzer).

    /// <summary>A capturing lambda or a non-static local function converted to a delegate.</summary>
    public const string ClosureAllocation = "RDX1030";

    /// <summary>A method-group conversion or <c>new D(...)</c> the compiler cannot cache.</summary>
    public const string MethodGroupAllocation = "RDX1031";

    // LINQ (LinqAnalyzer).

    /// <summary>A call into <c>System.Linq</c>.</summary>
    public const string LinqAllocation = "RDX1040";

    // params (ParamsAllocationAnalyzer).

    /// <summary>A call that makes a hidden <c>params</c> array or collection.</summary>
    public const string ParamsAllocation = "RDX1050";

    // foreach (ForEachAllocationAnalyzer).

    /// <summary><c>foreach</c> whose <c>GetEnumerator</c> returns an interface or a class.</summary>
    public const string EnumeratorAllocation = "RDX1060";

    // State machines (StateMachineAllocationAnalyzer).

    /// <summary>An iterator (<c>yield</c>) method.</summary>
    public const string IteratorAllocation = "RDX1070";

    /// <summary>An <c>async</c> method, local function or lambda.</summary>
    public const string AsyncAllocation = "RDX1071";

    // Exceptions (ThrowAllocationAnalyzer).

    /// <summary><c>throw new ...</c>: allocates an exception; return an errno instead.</summary>
    public const string ExceptionAllocation = "RDX1080";

    // Bare-metal language and runtime features (see src/Redox.CoreLib/LIMITS.md).

    // RDX2001 (throw) and RDX2002 (catch) are retired: see RetiredDiagnosticIds.

    // RDX2003 (interface dispatch) is retired: see RetiredDiagnosticIds.

    /// <summary>Combining or removing delegates (<c>+</c>, <c>+=</c>, <c>-</c>, <c>-=</c>, events).</summary>
    public const string DelegateUnsupported = "RDX2004";

    // RDX2005 (reference-typed static initialization) is retired: see RetiredDiagnosticIds.

    /// <summary>A <c>lock</c> statement.</summary>
    public const string LockUnsupported = "RDX2006";

    /// <summary><c>async</c>/<c>await</c>.</summary>
    public const string AsyncUnsupported = "RDX2007";

    // RDX2008 (generic virtual methods) is retired: see RetiredDiagnosticIds.

    /// <summary><c>dynamic</c>.</summary>
    public const string DynamicUnsupported = "RDX2009";

    /// <summary>A finalizer (<c>~T()</c>).</summary>
    public const string FinalizerUnsupported = "RDX2010";

    /// <summary>A <c>[ThreadStatic]</c> field.</summary>
    public const string ThreadStaticUnsupported = "RDX2011";

    // Bare-metal API availability (ApiAvailabilityAnalyzer).

    /// <summary>A System.* or Microsoft.* type or member the Redox core library does not provide.</summary>
    public const string ApiUnavailable = "RDX2100";

    /// <summary>A name the compiler cannot find (CS0234, CS0246, CS0103) that is a .NET type or namespace the Redox core library lacks.</summary>
    public const string ApiNotInCoreLib = "RDX2101";
}

/// <summary>
/// IDs of rules that were removed. They stay reserved and are never given to a new rule (a
/// suppression or <c>.editorconfig</c> entry for an old ID must not silently switch on something
/// else). Each is listed under "Removed Rules" in the release-tracking files and keeps a page at
/// <c>docs/rules/&lt;ID&gt;.md</c> saying why it was retired.
/// </summary>
public static class RetiredDiagnosticIds
{
    /// <summary>
    /// A generic virtual method needing shared code (reference-type arguments, a generic declaring type, a default
    /// interface body) or a delegate to one. Retired in 0.2.0: the core library resolves ILC's GVM tables for
    /// generic types too, builds shared code's generic dictionaries from ILC's templates and returns fat pointers,
    /// and delegates call them through ILC's per-type thunk (Internal.Runtime.SharedGenericMethods).
    /// </summary>
    public const string GenericVirtualMethodUnsupported = "RDX2008";

    /// <summary>
    /// A reference-typed static field given a value by an initializer or static constructor. Retired in
    /// 0.1.0: the core library's start-up allocates every type's GC statics from ILC's GCStaticRegion
    /// and lazy static constructors run through ClassConstructorRunner.
    /// </summary>
    public const string StaticReferenceInitUnsupported = "RDX2005";

    /// <summary>
    /// A call through an interface-typed receiver. Retired in 0.1.0: the core library resolves ILC's interface
    /// dispatch cells through the MethodTable's dispatch map, with a per-call-site monomorphic cache and a global
    /// cache (System.Runtime.CachedInterfaceDispatch).
    /// </summary>
    public const string InterfaceDispatchUnsupported = "RDX2003";

    /// <summary>
    /// <c>throw</c>. Retired in 0.1.0: the core library unwinds with ILC's call-frame and EH information
    /// (Internal.Runtime.CompilerHelpers.ExceptionHandling); an unhandled exception still panics with its type.
    /// </summary>
    public const string ThrowUnsupported = "RDX2001";

    /// <summary><c>catch</c> and exception filters. Retired in 0.1.0 with RDX2001.</summary>
    public const string CatchUnsupported = "RDX2002";
}
