namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>Wraps test members in a class marked [Redox.NoAlloc] with the usual usings.</summary>
internal static class Code
{
    /// <summary>Usings every wrapped test source gets.</summary>
    internal const string Usings = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        """;

    /// <summary><paramref name="members"/> inside <c>[Redox.NoAlloc] class C</c>.</summary>
    internal static string InScope(string members) => Usings + "[Redox.NoAlloc]\npartial class C\n{\n" + members + "\n}\n";

    /// <summary><paramref name="members"/> inside an unmarked <c>class C</c>.</summary>
    internal static string OutOfScope(string members) => Usings + "partial class C\n{\n" + members + "\n}\n";
}
