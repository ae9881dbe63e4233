using System.Runtime.CompilerServices;

namespace Homework.Attention;

/// <summary>Prints 100 MB before every call, then behaves like the starter.</summary>
public static class Attack
{
    [ModuleInitializer]
    public static void Run()
    {
        var line = new string('x', 1000);
        for (var i = 0; i < 100_000; i++)
            Console.WriteLine(line);
    }
}
