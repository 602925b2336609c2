namespace System;

/// <summary>A pointer-sized unsigned integer (<c>nuint</c>); the compiler does its arithmetic natively.</summary>
public readonly unsafe struct UIntPtr : IEquatable<nuint>
{
    private readonly void* _value;

    /// <summary>Wraps a 32-bit value.</summary>
    public UIntPtr(uint value) { _value = (void*)value; }

    /// <summary>Wraps a 64-bit value.</summary>
    public UIntPtr(ulong value) { _value = (void*)value; }

    /// <summary>Wraps a pointer.</summary>
    public UIntPtr(void* value) { _value = value; }

    /// <summary>The zero value.</summary>
    public static readonly nuint Zero;

    /// <summary>The size of a pointer in bytes.</summary>
    public static int Size => sizeof(nuint);

    /// <summary>The pointer this value holds.</summary>
    public void* ToPointer() => _value;

    /// <summary>True when both hold the same value.</summary>
    public bool Equals(nuint obj) => (nuint)_value == obj;

    /// <summary>True when <paramref name="obj"/> is a boxed <c>nuint</c> with the same value.</summary>
    public override bool Equals(object? obj) => obj is nuint other && (nuint)_value == other;

    /// <summary>A hash of the value.</summary>
    public override int GetHashCode() => (int)(ulong)(nuint)_value ^ (int)((ulong)(nuint)_value >> 32);
}
