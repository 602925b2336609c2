using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reads the IL the compiler emitted and finds the instructions that allocate: the compiler's truth the
/// allocation rules are checked against. <see cref="Creations"/>: <c>newarr</c>, <c>newobj</c> of a class, and the
/// call of a record's synthesized <c>&lt;Clone&gt;$</c> (<c>with</c> on a record class).
/// <see cref="Boxes"/>: the <c>box</c> instructions that allocate. A <c>box</c> does not allocate when the JIT folds it (and ILC
/// always compiles optimized code), which it does for exactly these forms, all measured at 0 bytes per call
/// on .NET 10 with escape analysis off (<c>DOTNET_JitObjectStackAllocation=0</c>):
/// <c>box; brtrue|brfalse</c>, <c>box; ldnull; ceq|cgt.un</c>, <c>box; isinst; brtrue|brfalse</c>,
/// <c>box; isinst; ldnull; ceq|cgt.un</c>, <c>box; isinst; unbox.any</c>; and a <c>box</c> of a type
/// parameter constrained to <c>class</c>, which is no operation at all.
/// </summary>
internal static class IlAllocations
{
    private static readonly Dictionary<short, OpCode> s_opCodes = LoadOpCodes();

    /// <summary>For each method of type <paramref name="typeName"/> in <paramref name="image"/>: its allocating boxes, as IL text.</summary>
    internal static Dictionary<string, List<string>> Boxes(byte[] image, string typeName) =>
        PerMethod(image, typeName, (ops, metadata, method) => AllocatingBoxes(ops, metadata, method));

    /// <summary>
    /// For each method of type <paramref name="typeName"/>: its <c>newarr</c> and its <c>newobj</c> of a class
    /// (<paramref name="isClass"/> answers for a type named by metadata name; generic instances say it in their signature).
    /// </summary>
    internal static Dictionary<string, List<string>> Creations(byte[] image, string typeName, Func<string, bool> isClass) =>
        PerMethod(image, typeName, (ops, metadata, method) => NewObjects(ops, metadata, isClass));

    private static Dictionary<string, List<string>> PerMethod(
        byte[] image, string typeName, Func<List<(OpCode Code, int Token)>, MetadataReader, MethodDefinition, List<string>> find)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            if (metadata.GetString(type.Name) != typeName)
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                result[metadata.GetString(method.Name)] = find(Decode(il), metadata, method);
            }
        }

        return result;
    }

    private static List<string> AllocatingBoxes(List<(OpCode Code, int Token)> ops, MetadataReader metadata, MethodDefinition method)
    {
        var boxes = new List<string>();
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i].Code != OpCodes.Box || IsReferenceConstrainedTypeParameter(ops[i].Token, metadata, method) || IsFolded(ops, i))
            {
                continue;
            }

            var text = new List<string>();
            for (int k = i; k < Math.Min(ops.Count, i + 4); k++)
            {
                text.Add(ops[k].Code.Name!);
            }

            boxes.Add(string.Join("; ", text));
        }

        return boxes;
    }

    private static List<string> NewObjects(List<(OpCode Code, int Token)> ops, MetadataReader metadata, Func<string, bool> isClass)
    {
        var found = new List<string>();
        foreach (var (code, token) in ops)
        {
            if (code == OpCodes.Newarr)
            {
                found.Add("newarr " + TypeName(metadata, MetadataTokens.EntityHandle(token), out _));
            }
            else if ((code == OpCodes.Call || code == OpCodes.Callvirt) && MethodName(metadata, MetadataTokens.EntityHandle(token)) == "<Clone>$")
            {
                // 'with' on a record class calls the synthesized clone, whose body is a newobj of the record.
                found.Add("callvirt <Clone>$");
            }
            else if (code == OpCodes.Newobj)
            {
                var handle = MetadataTokens.EntityHandle(token);
                var parent = handle.Kind == HandleKind.MemberReference
                    ? metadata.GetMemberReference((MemberReferenceHandle)handle).Parent
                    : metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType();
                string name = TypeName(metadata, parent, out bool? reference);
                if (reference ?? isClass(name))
                {
                    found.Add("newobj " + name);
                }
            }
        }

        return found;
    }

    private static string MethodName(MetadataReader metadata, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.MemberReference => metadata.GetString(metadata.GetMemberReference((MemberReferenceHandle)handle).Name),
        HandleKind.MethodDefinition => metadata.GetString(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        _ => string.Empty,
    };

    /// <summary>The metadata name of a type; for a generic instance also whether it is a class (its signature says).</summary>
    private static string TypeName(MetadataReader metadata, EntityHandle handle, out bool? reference)
    {
        reference = null;
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var typeReference = metadata.GetTypeReference((TypeReferenceHandle)handle);
                return Join(metadata.GetString(typeReference.Namespace), metadata.GetString(typeReference.Name));
            case HandleKind.TypeDefinition:
                var typeDefinition = metadata.GetTypeDefinition((TypeDefinitionHandle)handle);
                return Join(metadata.GetString(typeDefinition.Namespace), metadata.GetString(typeDefinition.Name));
            case HandleKind.TypeSpecification:
                var signature = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return "(type specification)";
                }

                // GENERICINST (CLASS | VALUETYPE) TypeDefOrRef ... (ECMA-335 II.23.2.12).
                reference = signature.ReadByte() == (byte)SignatureTypeKind.Class;
                return TypeName(metadata, signature.ReadTypeHandle(), out _);
            default:
                return handle.Kind.ToString();
        }
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>True when the <c>box</c> at <paramref name="i"/> starts a form the JIT folds (see the type summary).</summary>
    private static bool IsFolded(List<(OpCode Code, int Token)> ops, int i)
    {
        OpCode At(int k) => k < ops.Count ? ops[k].Code : OpCodes.Nop;
        bool IsBranchOnNull(int k) => At(k) == OpCodes.Brtrue || At(k) == OpCodes.Brtrue_S || At(k) == OpCodes.Brfalse || At(k) == OpCodes.Brfalse_S;
        bool IsNullCompare(int k) => At(k) == OpCodes.Ldnull && (At(k + 1) == OpCodes.Ceq || At(k + 1) == OpCodes.Cgt_Un);

        int next = i + 1;
        if (IsBranchOnNull(next) || IsNullCompare(next))
        {
            return true;
        }

        return At(next) == OpCodes.Isinst && (IsBranchOnNull(next + 1) || IsNullCompare(next + 1) || At(next + 1) == OpCodes.Unbox_Any);
    }

    /// <summary>True for <c>box !!n</c> / <c>box !n</c> where the type parameter has the <c>class</c> constraint.</summary>
    private static bool IsReferenceConstrainedTypeParameter(int token, MetadataReader metadata, MethodDefinition method)
    {
        var handle = MetadataTokens.EntityHandle(token);
        if (handle.Kind != HandleKind.TypeSpecification)
        {
            return false;
        }

        var signature = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
        var kind = signature.ReadSignatureTypeCode();
        if (kind != SignatureTypeCode.GenericMethodParameter)
        {
            return false;
        }

        int index = signature.ReadCompressedInteger();
        var parameter = metadata.GetGenericParameter(method.GetGenericParameters()[index]);
        return (parameter.Attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0;
    }

    private static List<(OpCode Code, int Token)> Decode(byte[] il)
    {
        var ops = new List<(OpCode, int)>();
        int p = 0;
        while (p < il.Length)
        {
            short value = il[p] == 0xFE ? (short)(0xFE00 | il[p + 1]) : il[p];
            p += il[p] == 0xFE ? 2 : 1;
            var code = s_opCodes[value];
            int token = 0;
            switch (code.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    p += 1;
                    break;
                case OperandType.InlineVar:
                    p += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    p += 8;
                    break;
                case OperandType.InlineSwitch:
                    p += 4 + (4 * BitConverter.ToInt32(il, p));
                    break;
                default:
                    token = BitConverter.ToInt32(il, p);
                    p += 4;
                    break;
            }

            ops.Add((code, token));
        }

        return ops;
    }

    private static Dictionary<short, OpCode> LoadOpCodes()
    {
        var codes = new Dictionary<short, OpCode>();
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            codes[code.Value] = code;
        }

        return codes;
    }
}
