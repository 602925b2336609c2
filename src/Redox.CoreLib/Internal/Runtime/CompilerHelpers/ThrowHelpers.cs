using System;
using Internal.TypeSystem;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// The throw helpers ILC calls by name: for checks the JIT inserts (bounds, overflow, null, division), and in place
/// of code it could not compile (a missing method or type in the input): those panic at run time with a message
/// that says so, rather than failing the build.
/// </summary>
internal static class ThrowHelpers
{
    public static void ThrowBodyRemoved() => throw new NotSupportedException("This method was removed by the compiler.");
    public static void ThrowInstanceBodyRemoved() => throw new NotSupportedException("This instance method was removed by the compiler.");
    public static void ThrowUnavailableType() => throw new NotSupportedException("This type is not available on bare metal.");
    public static void ThrowBadImageFormatException(ExceptionStringID id) => throw new NotSupportedException("ILC: bad image format.");
    public static void ThrowTypeLoadException(ExceptionStringID id, string className, string typeName) => throw new NotSupportedException(typeName);
    public static void ThrowTypeLoadExceptionWithArgument(ExceptionStringID id, string className, string typeName, string messageArg) => throw new NotSupportedException(typeName);
    public static void ThrowMissingMethodException(ExceptionStringID id, string methodName) => throw new NotSupportedException(methodName);
    public static void ThrowMissingFieldException(ExceptionStringID id, string fieldName) => throw new NotSupportedException(fieldName);
    public static void ThrowFileNotFoundException(ExceptionStringID id, string fileName) => throw new NotSupportedException(fileName);
    public static void ThrowInvalidProgramException(ExceptionStringID id) => throw new InvalidOperationException("ILC: invalid program.");
    public static void ThrowInvalidProgramExceptionWithArgument(ExceptionStringID id, string methodName) => throw new InvalidOperationException(methodName);
    public static void ThrowMarshalDirectiveException(ExceptionStringID id) => throw new NotSupportedException("ILC: marshalling is not supported.");
    public static void ThrowAmbiguousMatchException(ExceptionStringID id) => throw new NotSupportedException("ILC: ambiguous match.");
    public static void ThrowNotSupportedInlineArrayEqualsGetHashCode() => throw new NotSupportedException("Equals/GetHashCode on an inline array.");
    public static void ThrowOverflowException() => throw new OverflowException();
    public static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
    public static void ThrowNullReferenceException() => throw new NullReferenceException();
    public static void ThrowDivideByZeroException() => throw new DivideByZeroException();
    public static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
    public static void ThrowArgumentException() => throw new ArgumentException();
    public static void ThrowNotSupportedException() => throw new NotSupportedException();
    public static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
    public static void ThrowNotImplementedException() => throw new NotImplementedException();
    public static void ThrowInvalidCastException() => throw new InvalidCastException();
    public static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
    public static void ThrowOutOfMemoryException() => throw new OutOfMemoryException();
    public static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This feature was removed by the compiler.");
}
