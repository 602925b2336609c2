using System;
using System.IO;

namespace Redox.ApiList;

/// <summary>
/// Command line: <c>Redox.ApiList &lt;assembly.dll&gt; &lt;output.redoxapi&gt;</c> (the core library's API, RDX2100), or
/// <c>Redox.ApiList --dotnet-types &lt;reference-pack-folder&gt; &lt;DotNetTypes.txt&gt;</c> (.NET's public types, RDX2101).
/// </summary>
public static class Program
{
    /// <summary>Writes the API list; returns 0 on success, 1 on bad arguments, 2 when the input is missing or unreadable.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--dotnet-types")
        {
            if (!Directory.Exists(args[1]))
            {
                Console.Error.WriteLine("Redox.ApiList: no such folder: " + args[1]);
                return 2;
            }

            int types = DotNetTypeListWriter.Write(args[1], args[2]);
            Console.WriteLine($"Redox.ApiList: {types} .NET types from {args[1]} -> {args[2]}");
            return 0;
        }

        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: Redox.ApiList <assembly.dll> <output.redoxapi>\n       Redox.ApiList --dotnet-types <reference-pack-folder> <DotNetTypes.txt>");
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
