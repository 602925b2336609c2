namespace System.Runtime.CompilerServices;

/// <summary>The modifier the compiler puts on <c>volatile</c> fields.</summary>
public static class IsVolatile
{
}
