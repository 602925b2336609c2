namespace System.Runtime.CompilerServices;

/// <summary>
/// Reinterpretation and raw reference arithmetic. Every method is an intrinsic: ILC replaces its body with the
/// IL C# cannot express, so the <c>throw null</c> bodies below never run.
/// </summary>
public static unsafe class Unsafe
{
    /// <summary>The address of a variable.</summary>
    [Intrinsic] public static void* AsPointer<T>(ref readonly T value) => throw null!;

    /// <summary>The size of <typeparamref name="T"/> in bytes.</summary>
    [Intrinsic] public static int SizeOf<T>() => throw null!;

    /// <summary>Reinterprets an object reference.</summary>
    [Intrinsic] public static T As<T>(object? o) where T : class? => throw null!;

    /// <summary>Reinterprets a reference.</summary>
    [Intrinsic] public static ref TTo As<TFrom, TTo>(ref TFrom source) => throw null!;

    /// <summary>A reference from a pointer.</summary>
    [Intrinsic] public static ref T AsRef<T>(void* source) => throw null!;

    /// <summary>A mutable reference from a read-only one.</summary>
    [Intrinsic] public static ref T AsRef<T>(scoped ref readonly T source) => throw null!;

    /// <summary>Offsets a reference by elements.</summary>
    [Intrinsic] public static ref T Add<T>(ref T source, int elementOffset) => throw null!;

    /// <summary>Offsets a reference by elements.</summary>
    [Intrinsic] public static ref T Add<T>(ref T source, nint elementOffset) => throw null!;

    /// <summary>Offsets a reference by elements.</summary>
    [Intrinsic] public static ref T Add<T>(ref T source, nuint elementOffset) => throw null!;

    /// <summary>Offsets a pointer by elements.</summary>
    [Intrinsic] public static void* Add<T>(void* source, int elementOffset) => throw null!;

    /// <summary>Offsets a reference by bytes.</summary>
    [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nint byteOffset) => throw null!;

    /// <summary>Offsets a reference by bytes.</summary>
    [Intrinsic] public static ref T AddByteOffset<T>(ref T source, nuint byteOffset) => throw null!;

    /// <summary>Offsets a reference back by elements.</summary>
    [Intrinsic] public static ref T Subtract<T>(ref T source, int elementOffset) => throw null!;

    /// <summary>Offsets a reference back by elements.</summary>
    [Intrinsic] public static ref T Subtract<T>(ref T source, nint elementOffset) => throw null!;

    /// <summary>The distance in bytes from <paramref name="origin"/> to <paramref name="target"/>.</summary>
    [Intrinsic] public static nint ByteOffset<T>(ref readonly T origin, ref readonly T target) => throw null!;

    /// <summary>True when both references point at the same place.</summary>
    [Intrinsic] public static bool AreSame<T>(ref readonly T left, ref readonly T right) => throw null!;

    /// <summary>True when <paramref name="left"/> points above <paramref name="right"/>.</summary>
    [Intrinsic] public static bool IsAddressGreaterThan<T>(ref readonly T left, ref readonly T right) => throw null!;

    /// <summary>True when <paramref name="left"/> points below <paramref name="right"/>.</summary>
    [Intrinsic] public static bool IsAddressLessThan<T>(ref readonly T left, ref readonly T right) => throw null!;

    /// <summary>A null reference.</summary>
    [Intrinsic] public static ref T NullRef<T>() => throw null!;

    /// <summary>True for a null reference.</summary>
    [Intrinsic] public static bool IsNullRef<T>(ref readonly T source) => throw null!;

    /// <summary>Reads a value from a pointer.</summary>
    [Intrinsic] public static T Read<T>(void* source) => throw null!;

    /// <summary>Writes a value to a pointer.</summary>
    [Intrinsic] public static void Write<T>(void* destination, T value) => throw null!;

    /// <summary>Reads a value from a possibly unaligned pointer.</summary>
    [Intrinsic] public static T ReadUnaligned<T>(void* source) => throw null!;

    /// <summary>Reads a value from a possibly unaligned reference.</summary>
    [Intrinsic] public static T ReadUnaligned<T>(scoped ref readonly byte source) => throw null!;

    /// <summary>Writes a value to a possibly unaligned pointer.</summary>
    [Intrinsic] public static void WriteUnaligned<T>(void* destination, T value) => throw null!;

    /// <summary>Writes a value to a possibly unaligned reference.</summary>
    [Intrinsic] public static void WriteUnaligned<T>(ref byte destination, T value) => throw null!;

    /// <summary>Leaves an out parameter uninitialised.</summary>
    [Intrinsic] public static void SkipInit<T>(out T value) => throw null!;

    /// <summary>A reference to the value inside a boxed struct.</summary>
    [Intrinsic] public static ref T Unbox<T>(object box) where T : struct => throw null!;

    /// <summary>Copies bytes between pointers.</summary>
    [Intrinsic] public static void CopyBlock(void* destination, void* source, uint byteCount) => throw null!;

    /// <summary>Sets bytes at a pointer.</summary>
    [Intrinsic] public static void InitBlock(void* startAddress, byte value, uint byteCount) => throw null!;
}
