using System;
using System.IO;

namespace Redox.ApiList;

/// <summary>Command line: <c>Redox.ApiList &lt;assembly.dll&gt; &lt;output.redoxapi&gt;</c>.</summary>
public static class Program
{
    /// <summary>Writes the API list; returns 0 on success, 1 on bad arguments, 2 when the input is missing or unreadable.</summary>
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Redox.ApiList <assembly.dll> <output.redoxapi>");
            return 1;
        }

        if (!File.Exists(args[0]))
        {
            Console.Error.WriteLine("Redox.ApiList: no such file: " + args[0]);
            return 2;
        }

        try
        {
            int count = ApiListWriter.Write(args[0], args[1]);
            Console.WriteLine($"Redox.ApiList: {count} IDs from {Path.GetFileName(args[0])} -> {args[1]}");
            return 0;
        }
        catch (BadImageFormatException e)
        {
            Console.Error.WriteLine("Redox.ApiList: not a .NET assembly: " + args[0] + ": " + e.Message);
            return 2;
        }
    }
}
