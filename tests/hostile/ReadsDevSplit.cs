using System.Runtime.CompilerServices;
using Course.Kit;

namespace Homework.Attention;

/// <summary>Reads the dev splits a model could look up to fake its perplexity, and reports how much of each it got.</summary>
public static class Attack
{
    private static string Loot = "";

    [ModuleInitializer]
    public static void Run()
    {
        (string Name, Func<int> Read)[] splits =
        [
            ("brown-dev", () => BrownCorpus.Instance.Dev.Ids.Length),
            ("shakespeare-dev", () => ShakespeareCorpus.Instance.Dev.Ids.Length),
            ("tinystories", () => CourseData.ReadText("tinystories-valid.txt").Length),
        ];
        foreach (var (name, read) in splits)
        {
            try { Loot += $"{name}: {read()} characters; "; } catch (Exception e) { Loot += $"{name}: {e.GetType().Name}; "; }
        }
    }

    public static Exception Leak() => new InvalidOperationException("__MARKER__ " + Loot);
}
