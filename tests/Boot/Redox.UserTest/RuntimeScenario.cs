/// <summary>The <c>runtime</c> scenario: interface dispatch, delegates, generic virtual methods and exceptions, all in ring 3.</summary>
internal static class RuntimeScenario
{
    /// <summary>0 when every check passed, else 1 (each failure printed).</summary>
    public static int Run(ReadOnlySpan<byte> parameter)
    {
        InterfaceAndDelegateScenarios.Run();
        GenericVirtualMethodScenarios.Run();
        ExceptionScenarios.Run();
        if (!parameter.SequenceEqual("software"u8)) ExceptionScenarios.RunHardware();
        if (!RuntimeChecks.AllPassed) return 1;
        Output.Line("usertest: interfaces, delegates, generic virtual methods and exceptions work in ring 3"u8);
        return 0;
    }
}
