using Internal.Runtime.CompilerHelpers;

namespace System;

/// <summary>
/// The base of every delegate. The fields and the <c>Initialize*</c> methods are a contract with ILC: for
/// <c>new D(target, method)</c> it allocates the delegate and calls one of them by name, and it generates each
/// delegate type's <c>Invoke</c>, which calls <see cref="_functionPointer"/> with <see cref="_firstParameter"/>
/// as the first argument. Static methods go through a thunk ILC generates: the delegate is its own first
/// parameter and the thunk calls <see cref="_extraFunctionPointerOrData"/> without it. There is no
/// <c>Combine</c>: see LIMITS.md (RDX2004).
/// </summary>
public abstract class Delegate
{
    // The object Invoke passes as the first argument: the target, or the delegate itself for thunked calls.
    internal object? _firstParameter;

    // For closed static delegates, the object the static method is closed over.
    internal object? _helperObject;

    // For thunked delegates, the method the thunk calls.
    internal nint _extraFunctionPointerOrData;

    // What Invoke calls.
    internal nint _functionPointer;

    // An instance method closed over its target (a lambda's closure, obj.Method, a boxed struct's method).
    private void InitializeClosedInstance(object firstParameter, nint functionPointer)
    {
        if (firstParameter is null) ThrowHelpers.ThrowNullReferenceException();
        _functionPointer = functionPointer;
        _firstParameter = firstParameter;
    }

    // The same, for targets ILC could not prove non-null (it reaches here through a slower path).
    private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer) =>
        InitializeClosedInstance(firstParameter, functionPointer);

    // An interface method (step.Apply): resolved once, now, through the dispatch cell ILC passes.
    private unsafe void InitializeClosedInstanceToInterface(object firstParameter, nint dispatchCell)
    {
        _functionPointer = (nint)System.Runtime.CachedInterfaceDispatch.ResolveInterfaceMethod(firstParameter, (Internal.Runtime.InterfaceDispatchCell*)dispatchCell);
        _firstParameter = firstParameter;
    }

    // A generic virtual method (codec.Encode<int>): resolved once, now, like a call through it would be. Shared code
    // (a fat pointer: bit 1 set) would need an instantiating stub that passes its dictionary, which this runtime
    // does not make, so that case stops with a panic (RDX2008 reports it at compile time).
    private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod)
    {
        _functionPointer = System.Runtime.TypeLoaderExports.GVMLookupForSlot(firstParameter, tokenOfGenericVirtualMethod);
        if ((_functionPointer & 2) != 0)
            Internal.Runtime.CompilerHelpers.ExceptionHandling.PanicText("runtime", "a delegate to a generic virtual method over reference types needs shared code with a dictionary: see RDX2008");
        _firstParameter = firstParameter;
    }

    // A static method closed over its first argument (an extension method used as obj.Method).
    private void InitializeClosedStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
    {
        _extraFunctionPointerOrData = functionPointer;
        _helperObject = firstParameter;
        _functionPointer = functionPointerThunk;
        _firstParameter = this;
    }

    // A static method: the thunk drops the delegate from the arguments and calls the method.
    private void InitializeOpenStaticThunk(object firstParameter, nint functionPointer, nint functionPointerThunk)
    {
        _firstParameter = this;
        _functionPointer = functionPointerThunk;
        _extraFunctionPointerOrData = functionPointer;
    }

    /// <summary>The object an instance method is called on, or null for a static method.</summary>
    public object? Target => _firstParameter == this ? _helperObject : _firstParameter;
}
