namespace System.Collections.Generic;

/// <summary>A position in a typed sequence.</summary>
public interface IEnumerator<out T> : IDisposable, IEnumerator
{
    /// <summary>The current element.</summary>
    new T Current { get; }
}
