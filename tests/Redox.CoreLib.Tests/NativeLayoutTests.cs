using System;
using System.Collections.Generic;
using System.Text;
using Internal.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// Reading ILC's generic method templates: the template map and native layout blob ILC 10.0.12 wrote for the
/// boot-test kernel (tests/Boot/Redox.BootKernel with Redox.TwoWorlds: the gvmshared, gvmnotype and runtimecost
/// scenarios' shared generic virtual methods; read out of kernel.elf). Each template is a canonical method (its
/// owning type and type arguments as indices into the native references table, ext1 being <c>__Canon</c>), its
/// code, and the slots of its dictionary: <c>1:</c> a type, <c>4:</c> another method's dictionary, <c>8:</c> a
/// method handle, over the method's (M0) and its type's (T0) generic parameters.
/// </summary>
public sealed unsafe class NativeLayoutTests
{
    private const string NativeLayoutInfo =
        "59020402261903080802265903080ffe1b005002ec265903080226990408d9040602261903280224280802d9050fb01c0050022802022806" +
        "02261903280802d9050fb01c00500228080219050f57130050022802100259070fe41b005002280202269908280402261903280224280402" +
        "26190328080219050f57130050022802100259070fe41b0050022826990ad90a0402261903080802265903080ffe1b00500228269904d90a" +
        "26990408020802265903ec0ffe1b00500228000a040c0ffe1b0050022c00000a086c0f95130050022c00000a0cac0ffe1b0050022c00000a" +
        "100c0ffe1b005002ec000000000a1699020f7713005002ec8025fc000261fc00000a1e99030f7713005002ec00021dfc000a2219040f2f1d" +
        "005002ec0004edfb000a2c19050f5713005002590580c9fb000a30d9050fb01c005002590580d9fb0000000a3459060f5713005002590580" +
        "9dfb000a38d9060f5713005002590580cdfb000a3e99070ff1110050022c000a4219080ff1110050022c8091fb00000a48d9080fc7120050" +
        "022c000a4c59090fc7120050022c000a4e19050f57130050022c8009fb00000a5059060f57130050022c80edfa000a52d9060f5713005002" +
        "2c80f5fa000a5a190b0fcb130050022c000a5c99020f77130050022c80cdfa000a5e99030f77130050022c000a62190c0f111d0050022c00" +
        "0a6419040f2f1d0050022c000a68d90c0f77130050022c8071fa00";

    private const string MethodTemplates =
        "0403244203d901253d022541023405013c74a92101c85ad26d01d54101e09501e57cfd31011295012aa9016e8d01762101924292ad01a520" +
        "c054d43101d632e14ee47aed0215031d0345034d0375037d03a503b503e10305043104450471048504b504c504f5040d053d054d057d058d" +
        "05b905bd05e905fd0529062d0659065d0689069d06c906d906050715074107450771078107ad07b107dd07e1070d0811083d08";

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
        ("ext37", 0x500012c7, "ext1", ""),                                          // DoubleSharedConverter.Run<__Canon>: no slots
        ("ext48", 0x50001d11, "ext1", ""),                                          // TextConverter.Convert<__Canon>
        ("ext16", 0x50001d2f, "ext1", ""),                                          // AnyConverter<__Canon>.Convert<__Canon>
        ("ext0", 0x50001bfe, "ext7", ""),                                           // Catalog<__Canon>.Find<int>
        ("ext5", 0x50001bfe, "ext1", ""),                                           // Catalog<int>.Find<__Canon>
        ("ext16", 0x50001d2f, "ext7", ""),                                          // AnyConverter<__Canon>.Convert<int>
        ("ext0", 0x50001bfe, "ext1", ""),                                           // Catalog<__Canon>.Find<__Canon>
        ("ext32", 0x500011f1, "ext1", "1:ext34<M0>"),                               // CratePacker.Pack<__Canon>: new Crate<T>
        ("ext27", 0x50001357, "ext21", "8:ext29.0x50001be4<M0>"),                   // ForwardingShelf.Weigh<Pair<__Canon>>: Shelf.Weigh<T>'s handle
        ("ext25", 0x50001357, "ext1", "1:ext12<M0> 4:ext20.0x50001357<M0>"),        // LabelShelf.Weigh<__Canon>: Box<T>, base.Weigh<T>
        ("ext20", 0x50001357, "ext21", "1:ext12<M0> 1:M0[] 4:ext23.0x50001cb0<M0>"), // PlainShelf.Weigh<Pair<__Canon>>: Box<T>, T[], Measure<T>
        ("ext30", 0x500011f1, "ext1", ""),                                          // NullPacker.Pack<__Canon>
        ("ext44", 0x500013cb, "ext1", ""),                                          // OwnLabeler.Label<__Canon>
        ("ext14", 0x50001377, "ext1", ""),                                          // ReverseCatalog<__Canon>.Find<__Canon>
        ("ext10", 0x50001377, "ext1", "1:ext12<T0> 4:ext13<T0>.0x50001bfe<M0>"),    // IndexedCatalog<__Canon>.Find<__Canon>: Box<TKey>, base.Find
        ("ext35", 0x500012c7, "ext1", ""),                                          // IncrementSharedConverter.Run<__Canon>
        ("ext10", 0x50001377, "ext7", "1:ext12<T0> 4:ext13<T0>.0x50001bfe<ext7>"),  // IndexedCatalog<__Canon>.Find<int>
        ("ext51", 0x50001377, "ext1", "4:ext13<ext7>.0x50001bfe<M0>"),              // IndexedCatalog<int>.Find<__Canon>
        ("ext3", 0x50001395, "ext1", ""),                                           // ILabeler<__Canon>.Label<__Canon>: a default body
        ("ext23", 0x50001cb0, "ext21", "1:M0"),                                     // Scales.Measure<Pair<__Canon>>: boxes T
        ("ext27", 0x50001357, "ext1", "8:ext29.0x50001be4<M0>"),                    // ForwardingShelf.Weigh<__Canon>
        ("ext14", 0x50001377, "ext7", ""),                                          // ReverseCatalog<__Canon>.Find<int>
        ("ext25", 0x50001357, "ext21", "1:ext12<M0> 4:ext23.0x50001cb0<M0> 4:ext20.0x50001357<M0>"), // LabelShelf.Weigh<Pair<__Canon>>
        ("ext20", 0x50001357, "ext1", "1:ext12<M0> 1:M0[]"),                        // PlainShelf.Weigh<__Canon>: Box<T>, T[]
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
