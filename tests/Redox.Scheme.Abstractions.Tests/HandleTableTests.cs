using System.Collections.Generic;
using Xunit;

namespace Redox.Scheme.Tests;

public class HandleTableTests
{
    private struct State
    {
        public int Value;
    }

    [Fact]
    public void AddGetUpdateRemove()
    {
        var table = new HandleTable<State>(2);
        Assert.True(table.TryAdd(new State { Value = 1 }, out ulong a));
        Assert.True(table.TryAdd(new State { Value = 2 }, out ulong b));
        Assert.False(table.TryAdd(default, out _)); // full
        Assert.NotEqual(0UL, a);
        Assert.NotEqual(a, b);
        ref State s = ref table.Get(a, out bool found);
        Assert.True(found);
        s.Value = 10;
        Assert.Equal(10, table.Get(a, out _).Value);
        Assert.Equal(2, table.Count);
        Assert.True(table.Remove(a));
        Assert.False(table.Remove(a));
        Assert.False(table.Contains(a));
        Assert.True(table.TryAdd(default, out ulong c));
        Assert.NotEqual(a, c);          // same slot, new generation
        Assert.False(table.Contains(a)); // the stale id stays dead
        Assert.True(table.Contains(c));
    }

    [Fact]
    public void UnknownIdsAreNotFoundAndScratchIsCleared()
    {
        var table = new HandleTable<State>(4);
        foreach (ulong id in new[] { 0UL, 5UL, ulong.MaxValue, 1UL << 40 | 1, 1UL })
        {
            ref State s = ref table.Get(id, out bool found);
            Assert.False(found);
            Assert.Equal(0, s.Value);
            s.Value = 99; // writes to scratch never leak into a later miss
        }
        Assert.Equal(0, table.Get(3, out _).Value);
    }

    [Fact]
    public void ManyCyclesKeepIdsUnique()
    {
        var table = new HandleTable<State>(3);
        var seen = new HashSet<ulong>();
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(table.TryAdd(default, out ulong id));
            Assert.True(seen.Add(id));
            Assert.True(table.Remove(id));
        }
        Assert.Equal(0, table.Count);
    }
}
