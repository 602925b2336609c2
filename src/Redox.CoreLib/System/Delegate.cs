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

    // Which thunk GetThunk returns for a closed instance method whose code is shared (a fat pointer).
    private protected const int ClosedInstanceThunkOverGenericMethod = 3;

    // The bit that marks a fat pointer (shared code and its generic dictionary, see SharedGenericMethods).
    private const nint FatPointerBit = 2;

    /// <summary>
    /// The address of one of the thunks ILC generates for each delegate type (it overrides this per type); the
    /// base answers none.
    /// </summary>
    private protected virtual nint GetThunk(int whichThunk) => 0;

    // Named by the multicast thunks ILC generates along with the others once GetThunk exists (an invocation list
    // would be an array of these). No delegate here is multicast (RDX2004), so those thunks are never called.
    private struct Wrapper
    {
        public Delegate Value;
    }

    // Named by the open-instance thunks ILC generates likewise (for delegates made by reflection, which bare metal
    // has not): never called.
    private nint GetActualTargetFunctionPointer(object thisObject)
    {
        ExceptionHandling.PanicText("runtime", "an open instance delegate (made by reflection) has no target to resolve");
        return 0;
    }

    // An instance method closed over its target (a lambda's closure, obj.Method, a boxed struct's method).
    private void InitializeClosedInstance(object firstParameter, nint functionPointer)
    {
        if (firstParameter is null) ThrowHelpers.ThrowNullReferenceException();
        _functionPointer = functionPointer;
        _firstParameter = firstParameter;
    }

    // The same, for targets ILC could not prove non-null or whose code may be shared (a generic instance method
    // over reference types: ILC passes a fat pointer).
    private void InitializeClosedInstanceSlow(object firstParameter, nint functionPointer)
    {
        if (firstParameter is null) ThrowHelpers.ThrowNullReferenceException();
        InitializeClosedInstanceOrThunk(firstParameter, functionPointer);
    }

    // A fat pointer cannot be called as plain code: ILC's thunk for this delegate type calls it with the target
    // (kept in _helperObject) and passes the dictionary; the delegate is the thunk's first parameter.
    private void InitializeClosedInstanceOrThunk(object firstParameter, nint functionPointer)
    {
        if ((functionPointer & FatPointerBit) == 0)
        {
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
            return;
        }
        nint thunk = GetThunk(ClosedInstanceThunkOverGenericMethod);
        if (thunk == 0) ExceptionHandling.PanicText("runtime", "a delegate to shared generic code, but ILC made no thunk for its delegate type");
        _firstParameter = this;
        _functionPointer = thunk;
        _extraFunctionPointerOrData = functionPointer;
        _helperObject = firstParameter;
    }

    // An interface method (step.Apply): resolved once, now, through the dispatch cell ILC passes.
    private unsafe void InitializeClosedInstanceToInterface(object firstParameter, nint dispatchCell)
    {
        _functionPointer = (nint)System.Runtime.CachedInterfaceDispatch.ResolveInterfaceMethod(firstParameter, (Internal.Runtime.InterfaceDispatchCell*)dispatchCell);
        _firstParameter = firstParameter;
    }

    // A generic virtual method (codec.Encode<int>, shelf.Weigh<string>): resolved once, now, like a call through
    // it would be; shared code comes back as a fat pointer and goes through ILC's thunk.
    private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod)
    {
        InitializeClosedInstanceOrThunk(firstParameter, System.Runtime.TypeLoaderExports.GVMLookupForSlot(firstParameter, tokenOfGenericVirtualMethod));
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
