namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Named by the object-array thunk ILC generates for every delegate type once <c>Delegate.GetThunk</c> exists (it
/// serves delegates of the LINQ expression interpreter, which bare metal does not have, so it is never called).
/// </summary>
internal static class DelegateHelpers
{
    private static readonly object[] s_empty = new object[0];

    /// <summary>The argument array of a parameterless delegate.</summary>
    public static object[] GetEmptyObjectArray() => s_empty;
}
