using System;
using System.Collections.Generic;
using System.Text;
using Internal.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// Reading ILC's generic method templates: the template map and native layout blob ILC 10.0.12 wrote for the
/// boot-test kernel (tests/Boot/Redox.BootKernel with Redox.TwoWorlds: the gvmshared, gvmnotype (since replaced by
/// gvmpool) and runtimecost scenarios' shared generic virtual methods; read out of kernel.elf as it was then). Each template is a canonical method (its
/// owning type and type arguments as indices into the native references table, ext1 being <c>__Canon</c>), its
/// code, and the slots of its dictionary: <c>1:</c> a type, <c>2:</c> an interface call (interface, <c>#</c>slot),
/// <c>4:</c> another method's dictionary, <c>5:</c> a type's statics (<c>/1</c> GC, <c>/2</c> non-GC), <c>8:</c> a
/// method handle, over the method's (M0) and its type's (T0) generic parameters.
/// </summary>
public sealed unsafe class NativeLayoutTests
{
    private const string NativeLayoutInfo =
        "59020202080202080402261903080802265903080f171f005002ec265903080226990408d9040602261903280224280802d9050fef1f0050" +
        "02280202280602261903280802d9050fef1f00500228080219050fa2140050022802100259070f231e00500228020226190328060a269908" +
        "28020a2699082804080219080ff01500500228020a2699082804020226190a28020426d90b28020402261903280224280402261903280802" +
        "19050fa2140050022802100259070f231e00500228020226190328060a26990828020a2699082804080219080ff01500500228020a269908" +
        "280426990dd90d0402261903080802265903080f171f00500228269904d90d26990408269904d90f020802265903ec0f171f00500228000a" +
        "040c0f171f0050022c00000a086c0fe0140050022c00000a0cac0f171f0050022c0000000a100c0f171f005002ec0080e9fa000080e1fa00" +
        "0000000a1699020fc214005002ec80a5fa0002e1fa00000a1e99030fc214005002ec00029dfa000a2219040f4520005002ec00046dfa000a" +
        "2c19050fa21400500259058049fa000a30d9050fef1f00500259058059fa0000000a3459060fa2140050025905801dfa000a38d9060fa214" +
        "0050025905804dfa000a3e99070fa2140050025905803dfa000a4219080fa21400500259058015fa000a4619080ff01500500259058035fa" +
        "0088088a208c00000a4a19090f3c130050022c000a4e99090f3c130050022c80c9f900000a54590a0f12140050022c000a58d90a0f121400" +
        "50022c000a5c590b0fcb150050022c8041f9000a6019050fa2140050022c8021f900000a6259060fa2140050022c8005f9000a64d9060fa2" +
        "140050022c800df9000a6699070fa2140050022c8001f9000a6819080fa2140050022c80ddf8000a6a19080ff0150050022c8001f9008808" +
        "8a208c00000a72190e0f16150050022c000a7499020fc2140050022c80a9f8000a7699030fc2140050022c000a7a190f0f2a200050022c00" +
        "0a7c19040f45200050022c000a8219100f3c150050022c000a8419100f30150050022c000a88d9100fc2140050022c8001f800";

    private const string MethodTemplates =
        "08051d2942622531032535033c7901783d03c84101d22502d5c901fdfd012ac1026ea502c07901d43d0200910103e5012e990134768b2502" +
        "a90901d07d02e0d101e57a01dd011201021e850133d901764d018a0101923a922d02a518d634e150e439015d0485048d04b504bd04e504f1" +
        "0419054d0579059d05c905dd0509061d064d065d068d06a506d506e50615072507550765079507a507d50701082d0831085d0871089d08a1" +
        "08cd08d108fd080d0939094d0979098909b509c509f109010a2d0a3d0a690a950ac10ac50af10a010b2d0b310b5d0b610b8d0b910bbd0bc1" +
        "0bed0bf10b1d0c";

    [Fact]
    public void Every_template_ILC_wrote_reads_as_its_method_and_dictionary_slots()
    {
        byte[] blob = Convert.FromHexString(NativeLayoutInfo);
        byte[] map = Convert.FromHexString(MethodTemplates);
        var templates = new List<(string Owner, uint Method, string Arguments, string Slots)>();
        fixed (byte* layout = blob)
        fixed (byte* table = map)
        {
            var walk = new NativeHashtable(table);
            while (walk.TryNext(out byte* entry))
            {
                byte* methodAt = layout + NativeFormatReader.ReadUnsigned(ref entry);
                byte* bag = layout + NativeFormatReader.ReadUnsigned(ref entry);
                NativeMethodEntry method = NativeMethodEntry.Read(ref methodAt);
                Assert.True(method.HasFunctionPointer);
                templates.Add((TypeOf(method.OwningType), method.Method, Arguments(method), Slots(bag)));
            }
        }

        Assert.Equal(
            [
                ("ext60", 0x5000202a, "ext1", ""), // TextConverter.Convert<__Canon>
                ("ext16", 0x50002045, "ext1", ""), // AnyConverter<__Canon>.Convert<__Canon>
                ("ext5", 0x50001f17, "ext1", ""), // Catalog<Int32>.Find<__Canon>
                ("ext64", 0x50001530, "ext1", ""), // TwoConverters.Redox_TwoWorlds_IConverter_System_String.Convert<__Canon>
                ("ext0", 0x50001f17, "ext1", ""), // Catalog<__Canon>.Find<__Canon>
                ("ext38", 0x5000133c, "ext1", "1:ext40<M0>"), // MissingTypeGenericVirtualMethodScenario_CratePacker.Pack<__Canon>
                ("ext27", 0x500014a2, "ext21", "8:ext29.0x50001e23<M0>"), // ForwardingShelf.Weigh<Pair<__Canon>>
                ("ext36", 0x5000133c, "ext1", ""), // MissingTypeGenericVirtualMethodScenario_NullPacker.Pack<__Canon>
                ("ext14", 0x500014c2, "ext1", ""), // ReverseCatalog<__Canon>.Find<__Canon>
                ("ext10", 0x500014c2, "ext1", "1:ext12<T0> 4:ext13<T0>.0x50001f17<M0>"), // IndexedCatalog<__Canon>.Find<__Canon>
                ("ext23", 0x50001fef, "ext21", "1:M0"), // Scales.Measure<Pair<__Canon>>
                ("ext27", 0x500014a2, "ext1", "8:ext29.0x50001e23<M0>"), // ForwardingShelf.Weigh<__Canon>
                ("ext30", 0x500014a2, "ext21", "1:ext12<M0>"), // IdentityShelf.Weigh<Pair<__Canon>>
                ("ext43", 0x50001412, "ext1", ""), // RuntimeCostScenario_DoubleSharedConverter.Run<__Canon>
                ("ext32", 0x500015f0, "ext21", "5:ext34<M0>/2"), // TallyShelf.CountOf<Pair<__Canon>>
                ("ext0", 0x50001f17, "ext7", ""), // Catalog<__Canon>.Find<Int32>
                ("ext32", 0x500014a2, "ext1", "5:ext34<M0>/1 5:ext34<M0>/2 4:ext32.0x500015f0<M0>"), // TallyShelf.Weigh<__Canon>
                ("ext16", 0x50002045, "ext7", ""), // AnyConverter<__Canon>.Convert<Int32>
                ("ext64", 0x5000153c, "ext1", ""), // TwoConverters.Redox_TwoWorlds_IConverter_Redox_TwoWorlds_Parcel.Convert<__Canon>
                ("ext25", 0x500014a2, "ext1", "1:ext12<M0> 4:ext20.0x500014a2<M0>"), // LabelShelf.Weigh<__Canon>
                ("ext20", 0x500014a2, "ext21", "1:ext12<M0> 1:M0[] 4:ext23.0x50001fef<M0>"), // PlainShelf.Weigh<Pair<__Canon>>
                ("ext30", 0x500014a2, "ext1", "1:ext12<M0>"), // IdentityShelf.Weigh<__Canon>
                ("ext56", 0x50001516, "ext1", ""), // OwnLabeler.Label<__Canon>
                ("ext45", 0x500015cb, "ext1", "2:ext47<M0>#1"), // MeterReader.Read<__Canon>
                ("ext32", 0x500015f0, "ext1", "5:ext34<M0>/2"), // TallyShelf.CountOf<__Canon>
                ("ext41", 0x50001412, "ext1", ""), // RuntimeCostScenario_IncrementSharedConverter.Run<__Canon>
                ("ext32", 0x500014a2, "ext21", "5:ext34<M0>/1 5:ext34<M0>/2 4:ext32.0x500015f0<M0>"), // TallyShelf.Weigh<Pair<__Canon>>
                ("ext10", 0x500014c2, "ext7", "1:ext12<T0> 4:ext13<T0>.0x50001f17<ext7>"), // IndexedCatalog<__Canon>.Find<Int32>
                ("ext67", 0x500014c2, "ext1", "4:ext13<ext7>.0x50001f17<M0>"), // IndexedCatalog<Int32>.Find<__Canon>
                ("ext3", 0x500014e0, "ext1", ""), // ILabeler<__Canon>.Label<__Canon>
                ("ext14", 0x500014c2, "ext7", ""), // ReverseCatalog<__Canon>.Find<Int32>
                ("ext25", 0x500014a2, "ext21", "1:ext12<M0> 4:ext23.0x50001fef<M0> 4:ext20.0x500014a2<M0>"), // LabelShelf.Weigh<Pair<__Canon>>
                ("ext20", 0x500014a2, "ext1", "1:ext12<M0> 1:M0[]"), // PlainShelf.Weigh<__Canon>
            ],
            templates);
    }

    [Fact]
    public void A_lookback_signature_reads_as_the_signature_it_points_back_to()
    {
        // Instantiation ext5<M0> in bytes 0-2, then a lookback of 3 bytes (kind 1, data 3) standing for it, then ext4.
        byte[] stream = [Sig(3 | 1 << 4), Sig(6 | 5 << 4), Sig(4 | 1 << 4), Sig(1 | 3 << 4), Sig(6 | 4 << 4)];
        fixed (byte* start = stream)
        {
            byte* position = start + 3;
            Assert.Equal("ext5<M0>", TypeAt(ref position));
            Assert.Equal("ext4", TypeAt(ref position));
            Assert.True(position == start + stream.Length);
        }
    }

    [Fact]
    public void A_statics_info_bag_ILC_wrote_gives_its_native_statics_indices()
    {
        // The bag after Tally<string>'s type in ILC 10.0.12's statics-info table: GC statics slot at native statics
        // index 3, non-GC data at 4 (unsigned values, not relative offsets).
        byte[] bag = [0x86, 0x06, 0x84, 0x08, 0x00];
        fixed (byte* start = bag)
        {
            Assert.True(NativeLayout.TryGetBagUnsigned(start, NativeLayout.GcStaticDataBagElement, out uint gc));
            Assert.True(NativeLayout.TryGetBagUnsigned(start, NativeLayout.NonGcStaticDataBagElement, out uint nonGc));
            Assert.False(NativeLayout.TryGetBagUnsigned(start, NativeLayout.ClassConstructorBagElement, out _));
            Assert.Equal((3u, 4u), (gc, nonGc));
        }
    }

    [Fact]
    public void A_bag_without_a_dictionary_layout_has_none()
    {
        byte[] bag = [0x00];
        fixed (byte* start = bag) Assert.True(NativeLayout.FindBagElement(start, NativeLayout.DictionaryLayoutBagElement) == null);
    }

    // A one-byte NativeFormat unsigned value (values below 128).
    private static byte Sig(int value) => (byte)(value << 1);

    private static string Arguments(NativeMethodEntry method)
    {
        var parts = new List<string>();
        byte* position = method.Arguments;
        for (uint i = 0; i < method.ArgumentCount; i++) parts.Add(TypeAt(ref position));
        return string.Join(",", parts);
    }

    private static string Slots(byte* bag)
    {
        byte* slots = NativeLayout.FindBagElement(bag, NativeLayout.DictionaryLayoutBagElement);
        if (slots == null) return "";
        uint count = NativeFormatReader.ReadUnsigned(ref slots);
        var parts = new List<string>();
        for (uint i = 0; i < count; i++)
        {
            uint kind = NativeFormatReader.ReadUnsigned(ref slots);
            if (kind == NativeLayout.TypeHandleSlot || kind == NativeLayout.UnwrapNullableSlot)
            {
                parts.Add($"{kind}:{TypeAt(ref slots)}");
            }
            else if (kind == NativeLayout.InterfaceCallSlot)
            {
                string type = TypeAt(ref slots);
                parts.Add($"{kind}:{type}#{NativeFormatReader.ReadUnsigned(ref slots)}");
            }
            else if (kind == NativeLayout.StaticDataSlot)
            {
                string type = TypeAt(ref slots);
                parts.Add($"{kind}:{type}/{NativeFormatReader.ReadUnsigned(ref slots)}");
            }
            else if (kind == NativeLayout.MethodDictionarySlot || kind == NativeLayout.MethodHandleSlot)
            {
                NativeMethodEntry method = NativeMethodEntry.Read(ref slots);
                Assert.False(method.HasFunctionPointer);
                parts.Add($"{kind}:{TypeOf(method.OwningType)}.0x{method.Method:x}<{Arguments(method)}>");
            }
            else
            {
                parts.Add($"{kind}:?");
                break;
            }
        }
        return string.Join(" ", parts);
    }

    private static string TypeOf(byte* signature)
    {
        byte* position = signature;
        return TypeAt(ref position);
    }

    private static string TypeAt(ref byte* position)
    {
        byte* signature = NativeLayout.Locate(ref position);
        uint kind = NativeLayout.ReadTypeKind(ref signature, out uint data);
        switch (kind)
        {
            case NativeLayout.ExternalKind: return $"ext{data}";
            case NativeLayout.VariableKind: return ((data & 1) != 0 ? "M" : "T") + (data >> 1);
            case NativeLayout.ModifierKind when data == NativeLayout.ArrayModifier: return TypeAt(ref signature) + "[]";
            case NativeLayout.InstantiationKind:
            {
                var builder = new StringBuilder(TypeAt(ref signature)).Append('<');
                for (uint i = 0; i < data; i++) builder.Append(i == 0 ? "" : ",").Append(TypeAt(ref signature));
                return builder.Append('>').ToString();
            }
            default: return $"?{kind}";
        }
    }
}
