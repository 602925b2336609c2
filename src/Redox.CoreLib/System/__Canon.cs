namespace System;

/// <summary>The placeholder ILC substitutes for reference-type arguments in shared generic code (found by name).</summary>
internal sealed class __Canon
{
}
