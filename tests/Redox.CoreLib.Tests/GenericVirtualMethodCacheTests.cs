using System.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// The cache of generic virtual method lookups: a hit returns what was inserted for exactly that (type, method);
/// keys that share a slot must not see each other's code (the scenarios in QEMU are too few to collide, so the
/// collision is provoked here by probing many keys).
/// </summary>
public sealed unsafe class GenericVirtualMethodCacheTests
{
    // Fake addresses, 8-aligned like MethodTables and method handles; distinct per test so the shared static table
    // does not mix the tests' entries.
    private static void* Address(ulong value) => (void*)(0x7F00_0000_0000UL + value * 8);

    [Fact]
    public void A_lookup_finds_the_inserted_code_for_that_type_and_method_only()
    {
        void* type = Address(1), otherType = Address(2), method = Address(3), code = Address(4);
        GenericVirtualMethodCache.Insert(type, method, code);

        Assert.True(GenericVirtualMethodCache.Lookup(type, method) == code);
        Assert.True(GenericVirtualMethodCache.Lookup(otherType, method) == null);
    }

    [Fact]
    public void Methods_whose_keys_share_a_slot_never_get_each_others_code()
    {
        void* type = Address(100), method = Address(101), code = Address(102);
        // Far more methods than the table has slots: some share the inserted key's slot.
        for (ulong probe = 0; probe < 8192; probe++)
        {
            void* other = Address(200 + probe);
            GenericVirtualMethodCache.Insert(type, method, code);
            Assert.True(GenericVirtualMethodCache.Lookup(type, other) == null, $"method {probe} saw another method's code");
        }
    }

    [Fact]
    public void Types_whose_keys_share_a_slot_never_get_each_others_code()
    {
        void* type = Address(20_000), method = Address(20_001), code = Address(20_002);
        for (ulong probe = 0; probe < 8192; probe++)
        {
            void* other = Address(30_000 + probe);
            GenericVirtualMethodCache.Insert(type, method, code);
            Assert.True(GenericVirtualMethodCache.Lookup(other, method) == null, $"type {probe} saw another type's code");
        }
    }
}
