namespace System.Collections;

/// <summary>A sequence (the compiler needs the type for <c>foreach</c>, even over arrays).</summary>
public interface IEnumerable
{
    /// <summary>An enumerator over the sequence.</summary>
    IEnumerator GetEnumerator();
}
