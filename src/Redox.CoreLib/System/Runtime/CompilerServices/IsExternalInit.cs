namespace System.Runtime.CompilerServices;

/// <summary>The modifier the compiler puts on <c>init</c> accessors.</summary>
public static class IsExternalInit
{
}
