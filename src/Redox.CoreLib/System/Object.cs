using Internal.Runtime;

namespace System;

/// <summary>The root of every class. Its layout is a contract with ILC: the first (hidden) field is the MethodTable pointer.</summary>
public class Object
{
#pragma warning disable CS0649 // Written by the allocator, never by C#.
    internal unsafe MethodTable* m_pEEType;
#pragma warning restore CS0649

    /// <summary>Creates an object.</summary>
    public Object() { }

    /// <summary>Reference equality unless a type says otherwise.</summary>
    public virtual bool Equals(object? obj) => this == obj;

    /// <summary>A hash derived from the object's address: objects never move (there is no compacting GC).</summary>
    public virtual int GetHashCode() => GetIdentityHash();

    internal int GetIdentityHash()
    {
        object self = this;
        nuint address = System.Runtime.CompilerServices.Unsafe.As<object, nuint>(ref self);
        return (int)(address ^ (address >> 32));
    }

    /// <summary>There is no reflection metadata on bare metal, so the default text is fixed.</summary>
    public virtual string? ToString() => "System.Object";

    /// <summary>True when both references name the same object.</summary>
    public static bool ReferenceEquals(object? objA, object? objB) => objA == objB;

    /// <summary>True when both are null, the same object, or <see cref="Equals(object)"/> says so.</summary>
    public static bool Equals(object? objA, object? objB)
    {
        if (objA == objB) return true;
        if (objA is null || objB is null) return false;
        return objA.Equals(objB);
    }
}
