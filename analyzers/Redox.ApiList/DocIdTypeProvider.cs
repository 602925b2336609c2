using System;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text;

namespace Redox.ApiList;

/// <summary>
/// Decodes metadata signatures into the type syntax of documentation-comment IDs, the format
/// the C# compiler writes for <c>///</c> docs and Roslyn's <c>ISymbol.GetDocumentationCommentId()</c>
/// returns: <c>System.Collections.Generic.List{`0}.Enumerator</c>, <c>``0[]</c>, <c>System.Byte*</c>,
/// <c>System.Int32@</c> for ref/in/out.
/// A named type is first produced in a raw form (marked with <see cref="RawMark"/>, nesting with
/// <c>/</c>, arity suffixes kept) so a generic instantiation can hand each nesting level its own
/// type arguments; <see cref="Finish"/> turns raw names into ID syntax.
/// </summary>
internal sealed class DocIdTypeProvider : ISignatureTypeProvider<string, object?>
{
    private const char RawMark = '\u0001';

    private readonly MetadataReader _reader;

    /// <summary>Creates a provider for signatures in <paramref name="reader"/>.</summary>
    internal DocIdTypeProvider(MetadataReader reader)
    {
        _reader = reader;
    }

    /// <summary>The ID name of a type definition: <c>System.Collections.Generic.List`1.Enumerator</c>.</summary>
    internal string DefinitionName(TypeDefinitionHandle handle) => Finish(RawDefinitionName(handle));

    /// <summary>Turns a raw named type into ID syntax; other types pass through.</summary>
    internal static string Finish(string type) =>
        type.Length > 0 && type[0] == RawMark ? type.Substring(1).Replace('/', '.') : type;

    /// <inheritdoc />
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.Void => "System.Void",
        _ => throw new BadImageFormatException("Unknown primitive type " + typeCode),
    };

    /// <inheritdoc />
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => RawDefinitionName(handle);

    /// <inheritdoc />
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return GetTypeFromReference(reader, (TypeReferenceHandle)reference.ResolutionScope, rawTypeKind) + "/" + name;
        }

        var ns = reader.GetString(reference.Namespace);
        return RawMark + (ns.Length == 0 ? name : ns + "." + name);
    }

    /// <inheritdoc />
    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    /// <inheritdoc />
    public string GetSZArrayType(string elementType) => Finish(elementType) + "[]";

    /// <inheritdoc />
    public string GetArrayType(string elementType, ArrayShape shape)
    {
        // Multi-dimensional arrays are written with lower bound and size per dimension, e.g. [0:,0:].
        var builder = new StringBuilder(Finish(elementType)).Append('[');
        for (int i = 0; i < shape.Rank; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            int lower = i < shape.LowerBounds.Length ? shape.LowerBounds[i] : 0;
            builder.Append(lower).Append(':');
            if (i < shape.Sizes.Length)
            {
                builder.Append(shape.Sizes[i]);
            }
        }

        return builder.Append(']').ToString();
    }

    /// <inheritdoc />
    public string GetPointerType(string elementType) => Finish(elementType) + "*";

    /// <inheritdoc />
    public string GetByReferenceType(string elementType) => Finish(elementType) + "@";

    /// <inheritdoc />
    public string GetPinnedType(string elementType) => elementType;

    /// <inheritdoc />
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    /// <inheritdoc />
    public string GetGenericTypeParameter(object? genericContext, int index) => "`" + index;

    /// <inheritdoc />
    public string GetGenericMethodParameter(object? genericContext, int index) => "``" + index;

    /// <inheritdoc />
    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        // Not part of the Redox core library's surface today; written in a readable form.
        var builder = new StringBuilder("=FUNC:").Append(Finish(signature.ReturnType)).Append('(');
        for (int i = 0; i < signature.ParameterTypes.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append(Finish(signature.ParameterTypes[i]));
        }

        return builder.Append(')').ToString();
    }

    /// <inheritdoc />
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        // Raw "Ns.Outer`1/Inner`2" with arguments [A, B, C] -> "Ns.Outer{A}.Inner{B,C}".
        var segments = genericType.Substring(1).Split('/');
        var builder = new StringBuilder();
        int next = 0;
        for (int s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            int tick = segment.LastIndexOf('`');
            int arity = 0;
            if (tick >= 0 && int.TryParse(segment.Substring(tick + 1), out arity))
            {
                segment = segment.Substring(0, tick);
            }

            builder.Append(s == 0 ? string.Empty : ".").Append(segment);
            if (arity > 0)
            {
                builder.Append('{');
                for (int i = 0; i < arity; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",").Append(Finish(typeArguments[next++]));
                }

                builder.Append('}');
            }
        }

        return builder.ToString();
    }

    private string RawDefinitionName(TypeDefinitionHandle handle)
    {
        var definition = _reader.GetTypeDefinition(handle);
        var name = _reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return RawDefinitionName(declaring) + "/" + name;
        }

        var ns = _reader.GetString(definition.Namespace);
        return RawMark + (ns.Length == 0 ? name : ns + "." + name);
    }
}
