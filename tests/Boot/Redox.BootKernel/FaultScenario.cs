/// <summary>Writes to an unmapped address: the page-fault handler must report it with CR2 and stop.</summary>
public static unsafe class FaultScenario
{
    /// <summary>The address the test expects in CR2.</summary>
    public const ulong Address = 0x0000_7FFF_DEAD_0000;

    /// <summary>Never returns when the fault is caught.</summary>
    public static bool Run()
    {
        *(ulong*)Address = 0x1234;
        return false;
    }
}
