namespace System;

/// <summary>A value type that may also hold no value.</summary>
public struct Nullable<T> where T : struct
{
    private readonly bool hasValue;
    internal T value;

    /// <summary>Wraps a value.</summary>
    public Nullable(T value)
    {
        this.value = value;
        hasValue = true;
    }

    /// <summary>True when a value is present.</summary>
    public readonly bool HasValue => hasValue;

    /// <summary>The value; throws (on bare metal: panics) when absent, as in .NET.</summary>
    public readonly T Value
    {
        get
        {
            if (!hasValue) throw new InvalidOperationException("Nullable object must have a value.");
            return value;
        }
    }

    /// <summary>The value, or default when absent.</summary>
    public readonly T GetValueOrDefault() => value;

    /// <summary>The value, or <paramref name="defaultValue"/> when absent.</summary>
    public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

    /// <summary>Wraps a value.</summary>
    public static implicit operator T?(T value) => new T?(value);

    /// <summary>Unwraps a value.</summary>
    public static explicit operator T(T? value) => value!.Value;
}
