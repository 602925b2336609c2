using Redox.Kernel.Processes;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The process table's transitions on the host: alive → zombie → reaped, waitpid's findings, orphans.</summary>
public class ProcessTreeTests
{
    private sealed class Record(int id, int parentId) : IProcessRecord
    {
        public int Id { get; } = id;
        public int ParentId { get; set; } = parentId;
        public ProcessState State { get; set; }
        public int ExitStatus { get; set; }
    }

    [Fact]
    public void Waitpid_finds_no_child_a_running_child_then_the_zombie_with_its_status()
    {
        var tree = new ProcessTree<Record>(4);
        var parent = new Record(1, ProcessTable.KernelId);
        var child = new Record(2, 1);
        Assert.True(tree.TryAdd(parent));
        Assert.Equal(WaitFinding.NoChild, tree.FindEndedChild(1, -1, out _));
        Assert.True(tree.TryAdd(child));
        Assert.Equal(WaitFinding.Running, tree.FindEndedChild(1, -1, out var none));
        Assert.Null(none);
        Assert.Equal(WaitFinding.NoChild, tree.FindEndedChild(1, 99, out _));       // not its child
        Assert.Equal(WaitFinding.NoChild, tree.FindEndedChild(2, -1, out _));       // the child has none
        Assert.True(tree.End(child, Process.ExitedStatus(3)));
        Assert.Equal(WaitFinding.Zombie, tree.FindEndedChild(1, 2, out var zombie));
        Assert.Same(child, zombie);
        Assert.Equal(3 << 8, zombie!.ExitStatus);
        Assert.True(tree.Remove(child));                                             // reaped
        Assert.Equal(WaitFinding.NoChild, tree.FindEndedChild(1, 0, out _));
        Assert.Null(tree.Find(2));
        Assert.Equal(1, tree.Count);
    }

    [Fact]
    public void A_process_ends_once_and_its_first_status_stays()
    {
        var tree = new ProcessTree<Record>(2);
        var p = new Record(5, 0);
        tree.TryAdd(p);
        Assert.True(tree.End(p, Process.SignaledStatus(9)));
        Assert.False(tree.End(p, Process.ExitedStatus(0)));       // a kill racing an exit: the first one counts
        Assert.Equal(9, p.ExitStatus);
        Assert.Equal(ProcessState.Zombie, p.State);
    }

    [Fact]
    public void Orphans_go_to_the_kernel_and_a_specific_wait_only_takes_that_child()
    {
        var tree = new ProcessTree<Record>(8);
        var parent = new Record(1, 0);
        var a = new Record(2, 1);
        var b = new Record(3, 1);
        var grandchild = new Record(4, 2);
        foreach (var r in new[] { parent, a, b, grandchild }) Assert.True(tree.TryAdd(r));
        tree.End(b, 0);
        Assert.Equal(WaitFinding.Running, tree.FindEndedChild(1, 2, out _));       // a still runs; b is not asked for
        Assert.Equal(WaitFinding.Zombie, tree.FindEndedChild(1, -1, out var any));
        Assert.Same(b, any);
        tree.End(a, 0);
        Assert.Equal(ProcessTable.KernelId, grandchild.ParentId);                   // orphaned
        Assert.Equal(WaitFinding.Running, tree.FindEndedChild(ProcessTable.KernelId, 4, out _));
        Assert.Equal(WaitFinding.NoChild, tree.FindEndedChild(2, -1, out _));      // a has no children any more
    }

    [Fact]
    public void A_full_table_refuses_until_a_zombie_is_reaped()
    {
        var tree = new ProcessTree<Record>(2);
        var first = new Record(1, 0);
        Assert.True(tree.TryAdd(first));
        Assert.True(tree.TryAdd(new Record(2, 0)));
        Assert.False(tree.HasRoom);
        Assert.False(tree.TryAdd(new Record(3, 0)));
        tree.End(first, 0);
        Assert.False(tree.HasRoom);                                                  // a zombie still holds its slot
        Assert.True(tree.Remove(first));
        Assert.False(tree.Remove(first));
        Assert.True(tree.TryAdd(new Record(3, 0)));
    }
}
