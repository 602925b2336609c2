using System.Collections.Generic;
using Xunit;

namespace Redox.Testing.Tests;

public class CopyOnWriteTests
{
    [Fact]
    public void Kept_elements_stay_in_order_and_the_added_one_comes_last()
    {
        int[] grown = CopyOnWrite.KeepThenAppend(new[] { 1, 2, 3, 4, 5 }, static n => n % 2 == 1, 9);
        Assert.Equal(new[] { 1, 3, 5, 9 }, grown);
        Assert.Equal(new[] { 7 }, CopyOnWrite.KeepThenAppend(new int[0], static _ => true, 7));
    }

    [Fact]
    public void Each_element_is_asked_once_so_an_answer_that_changes_leaves_no_hole()
    {
        // What the predicate looks at may change while the array is built (a client thread ends): asked twice, an
        // element kept in a first pass and dropped in a second left a null at the end of the driver's list.
        var asked = new Dictionary<string, int>();
        string[] grown = CopyOnWrite.KeepThenAppend(new[] { "a", "b", "c" }, s =>
        {
            asked[s] = asked.GetValueOrDefault(s) + 1;
            return asked[s] == 1 && s != "b";       // "yes" the first time only
        }, "d");
        Assert.Equal(new[] { "a", "c", "d" }, grown);
        Assert.All(asked.Values, n => Assert.Equal(1, n));
    }
}
