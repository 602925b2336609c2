namespace System;

/// <summary>The type of no value.</summary>
public struct Void
{
}
