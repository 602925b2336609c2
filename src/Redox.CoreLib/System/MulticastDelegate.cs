namespace System;

/// <summary>The base of every C# delegate type.</summary>
public abstract class MulticastDelegate : Delegate
{
}
