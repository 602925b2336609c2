using System;
using System.Text;
using Redox.Conformance;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// The conformance scenarios (tests/Conformance/Redox.Conformance) against the hosted kernel: the driver served
/// by its own thread (<see cref="HostedKernel.StartDriver"/>, as the real kernel will serve it from a ring-3 daemon)
/// and in the caller's thread. Each scenario returns 0 or the code of the check that failed.
/// </summary>
public class ConformanceTests
{
    public static TheoryData<int, bool> Scenarios()
    {
        var data = new TheoryData<int, bool>();
        for (int i = 0; i < ConformanceClient.Count; i++)
        {
            data.Add(i, true);
            data.Add(i, false);
        }
        return data;
    }

    private static HostedKernel KernelWithDriver(bool threaded)
    {
        var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        if (threaded)
        {
            kernel.StartDriver("conf", new ConformanceScheme());
        }
        else
        {
            kernel.RegisterInThread("conf", new ConformanceScheme());
        }
        return kernel;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioPasses(int scenario, bool threaded)
    {
        using var kernel = KernelWithDriver(threaded);
        int result = kernel.CreateProcess(uid: 5, gid: 6).Run(() => ConformanceClient.Run(scenario));
        Assert.True(result == 0, Encoding.ASCII.GetString(ConformanceClient.Name(scenario)) + " failed check " + result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AllScenariosInOrderAgainstOneDriver(bool threaded)
    {
        // As the image will run them: one daemon, one client, every scenario in turn.
        using var kernel = KernelWithDriver(threaded);
        Assert.Equal(0, kernel.CreateProcess().Run(ConformanceClient.RunAll));
    }

    [Fact]
    public void TheListIsNumberedWithoutGaps()
    {
        for (int i = 0; i < ConformanceClient.Count; i++)
        {
            Assert.False(ConformanceClient.Name(i).IsEmpty);
        }
        Assert.True(ConformanceClient.Name(ConformanceClient.Count).IsEmpty);
        Assert.Equal(1, ConformanceClient.Run(ConformanceClient.Count));
        Assert.Equal(1, ConformanceClient.Run(-1));
    }
}
