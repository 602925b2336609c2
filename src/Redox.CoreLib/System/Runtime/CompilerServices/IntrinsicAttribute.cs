namespace System.Runtime.CompilerServices;

/// <summary>Marks a method whose body ILC or RyuJIT replaces (matched by name).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
internal sealed class IntrinsicAttribute : Attribute
{
}
