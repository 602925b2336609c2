namespace System;

/// <summary>The runtime's concrete <see cref="Type"/> (ILC needs the name).</summary>
internal sealed class RuntimeType : Type
{
}
