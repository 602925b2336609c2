namespace System;

/// <summary>A pointer-sized signed integer (<c>nint</c>); the compiler does its arithmetic natively.</summary>
public readonly unsafe struct IntPtr : IEquatable<nint>
{
    private readonly void* _value;

    /// <summary>Wraps a 32-bit value.</summary>
    public IntPtr(int value) { _value = (void*)value; }

    /// <summary>Wraps a 64-bit value.</summary>
    public IntPtr(long value) { _value = (void*)value; }

    /// <summary>Wraps a pointer.</summary>
    public IntPtr(void* value) { _value = value; }

    /// <summary>The null pointer.</summary>
    public static readonly nint Zero;

    /// <summary>The size of a pointer in bytes.</summary>
    public static int Size => sizeof(nint);

    /// <summary>The pointer this value holds.</summary>
    public void* ToPointer() => _value;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(nint obj) => (nint)_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>nint</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is nint other && (nint)_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)(long)(nint)_value ^ (int)((long)(nint)_value >> 32);
}
