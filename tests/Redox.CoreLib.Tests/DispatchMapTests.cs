using Internal.Runtime;
using Xunit;

namespace Redox.CoreLib.Tests;

/// <summary>
/// Reading ILC's dispatch map layout (NativeAOT's <c>DispatchMap</c>: four 16-bit counts, then the instance entries,
/// 6 bytes each, own implementations before default ones, then the static-virtual entries, 8 bytes each, with where
/// their generic context comes from). The static entries are what shared code's static constrained calls resolve
/// through (<c>StaticConstrainedMethods</c>), so they must be found after every instance entry.
/// </summary>
public sealed unsafe class DispatchMapTests
{
    [Fact]
    public void Static_entries_follow_the_standard_and_default_instance_entries()
    {
        ushort[] map =
        [
            2, 1, 1, 1,          // standard, default, standard static, default static
            0, 0, 3,             // interface 0 slot 0 -> vtable slot 3
            1, 2, 4,             // interface 1 slot 2 -> vtable slot 4
            1, 5, 9,             // default: interface 1 slot 5 -> sealed slot 9
            0, 1, 7, 1,          // static: interface 0 slot 1 -> slot 7, context: the type itself
            1, 4, 8, 3,          // default static: interface 1 slot 4 -> slot 8, context: interface 1
        ];
        fixed (ushort* start = map)
        {
            DispatchMap* dispatch = (DispatchMap*)start;
            Assert.Equal((2, 1, 2), (dispatch->StandardEntryCount, dispatch->DefaultEntryCount, dispatch->StaticEntryCount));
            Assert.Equal((1, 5, 9), (dispatch->GetEntry(2)->InterfaceIndex, dispatch->GetEntry(2)->InterfaceSlot, dispatch->GetEntry(2)->ImplementationSlot));
            DispatchMap.StaticEntry* own = dispatch->GetStaticEntry(0);
            DispatchMap.StaticEntry* fallback = dispatch->GetStaticEntry(1);
            Assert.Equal((0, 1, 7, 1), (own->InterfaceIndex, own->InterfaceSlot, own->ImplementationSlot, own->ContextSource));
            Assert.Equal((1, 4, 8, 3), (fallback->InterfaceIndex, fallback->InterfaceSlot, fallback->ImplementationSlot, fallback->ContextSource));
        }
    }
}
