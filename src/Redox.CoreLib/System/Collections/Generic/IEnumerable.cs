namespace System.Collections.Generic;

/// <summary>A typed sequence.</summary>
public interface IEnumerable<out T> : IEnumerable
{
    /// <summary>An enumerator over the sequence.</summary>
    new IEnumerator<T> GetEnumerator();
}
