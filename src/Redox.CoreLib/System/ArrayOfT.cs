namespace System;

/// <summary>The base type ILC gives single-dimensional arrays of <typeparamref name="T"/>.</summary>
internal class Array<T> : Array
{
}
