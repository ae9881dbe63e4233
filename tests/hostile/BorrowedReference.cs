using System.Reflection;
using System.Runtime.CompilerServices;

namespace Homework.Attention;

/// <summary>Looks for the reference solution's assembly where the grader builds it and loads it.</summary>
public static class Attack
{
    [ModuleInitializer]
    public static void Run()
    {
        foreach (var path in Directory.EnumerateFiles("__REPO__/artifacts/bin", "Reference.Attention.dll", SearchOption.AllDirectories))
        {
            var reference = Assembly.LoadFrom(path);
            Console.Error.WriteLine("__MARKER__ loaded " + reference.FullName);
        }
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name);
        throw new InvalidOperationException("__MARKER__ assemblies: " + string.Join(",", loaded));
    }
}
