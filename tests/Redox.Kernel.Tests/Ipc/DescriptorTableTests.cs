using Redox.Kernel.Ipc;
using Xunit;

namespace Redox.Kernel.Tests.Ipc;

public class DescriptorTableTests
{
    private sealed class File : IOpenDescription
    {
        public int References { get; set; } = 1;
    }

    [Fact]
    public void Descriptors_are_the_lowest_free_numbers_and_a_full_table_answers_minus_one()
    {
        var table = new DescriptorTable<File>(3);
        Assert.Equal(0, table.Add(new File()));
        Assert.Equal(1, table.Add(new File()));
        Assert.Equal(2, table.Add(new File()));
        Assert.Equal(-1, table.Add(new File()));
        Assert.True(table.Remove(1, out _));
        Assert.Equal(1, table.Add(new File()));
        Assert.Equal(3, table.Count);
        Assert.Null(table.Get(3));
        Assert.Null(table.Get(ulong.MaxValue));
    }

    [Fact]
    public void A_shared_description_is_released_with_its_last_descriptor_only()
    {
        var table = new DescriptorTable<File>(4);
        var shared = new File();
        int first = table.Add(shared);
        shared.References++;                                   // dup without a buffer
        int second = table.Add(shared);

        Assert.True(table.Remove((ulong)first, out File? released));
        Assert.Null(released);
        Assert.Same(shared, table.Get((ulong)second));
        Assert.True(table.Remove((ulong)second, out released));
        Assert.Same(shared, released);
        Assert.False(table.Remove((ulong)second, out _));     // closed twice: EBADF
    }

    [Fact]
    public unsafe void Closing_all_releases_each_description_once()
    {
        var table = new DescriptorTable<File>(8);
        var shared = new File { References = 2 };
        table.Add(shared);
        table.Add(shared);
        table.Add(new File());
        s_released = 0;
        table.CloseAll(&Count);
        Assert.Equal(2, s_released);
        Assert.Equal(0, table.Count);
    }

    private static int s_released;

    private static void Count(File file) => s_released++;
}
