namespace System.Collections;

/// <summary>A position in a sequence.</summary>
public interface IEnumerator
{
    /// <summary>The current element.</summary>
    object? Current { get; }

    /// <summary>Moves to the next element.</summary>
    bool MoveNext();

    /// <summary>Goes back before the first element.</summary>
    void Reset();
}
