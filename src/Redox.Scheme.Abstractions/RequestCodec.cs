using System;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// Bytes to requests and responses to bytes, as they cross the scheme socket (<c>read</c> of
/// whole <see cref="Sqe"/>s, <c>write</c> of whole <see cref="Cqe"/>s). Little-endian, <c>repr(C)</c>.
/// </summary>
public static class RequestCodec
{
    /// <summary>Size of a request on the wire.</summary>
    public const int RequestSize = AbiSizes.Sqe;

    /// <summary>Size of a response on the wire.</summary>
    public const int ResponseSize = AbiSizes.Cqe;

    /// <summary>Reads request <paramref name="index"/> of a batch; false when the bytes do not hold it.</summary>
    [NoAlloc]
    public static bool TryDecode(ReadOnlySpan<byte> bytes, int index, out Sqe request)
    {
        request = default;
        if (index < 0 || bytes.Length / RequestSize <= index)
        {
            return false;
        }
        request = MemoryMarshal.Read<Sqe>(bytes.Slice(index * RequestSize, RequestSize));
        return true;
    }

    /// <summary>Writes <paramref name="response"/> at response slot <paramref name="index"/>; false when it does not fit.</summary>
    [NoAlloc]
    public static bool TryEncode(in Cqe response, Span<byte> bytes, int index)
    {
        if (index < 0 || bytes.Length / ResponseSize <= index)
        {
            return false;
        }
        Cqe copy = response;
        MemoryMarshal.Write(bytes.Slice(index * ResponseSize, ResponseSize), in copy);
        return true;
    }
}
