namespace System;

/// <summary>Typed equality.</summary>
public interface IEquatable<T>
{
    /// <summary>True when this equals <paramref name="other"/>.</summary>
    bool Equals(T? other);
}
