using System.Text.Json;

namespace GradingHost.Worker.Compiling;

/// <summary>`compile`: compiles a folder of sources and writes the <see cref="Protocol.CompileReport"/> as JSON to standard output.</summary>
public static class CompileCommand
{
    public static int Run(string sources, IReadOnlyList<string> options)
    {
        var banned = new List<string>();
        var screen = true;
        for (var i = 0; i < options.Count; i++)
        {
            switch (options[i])
            {
                case "--banned" when i + 1 < options.Count:
                    banned.Add(options[++i]);
                    break;
                case "--unscreened":
                    screen = false;
                    break;
                default:
                    Console.Error.WriteLine($"compile: unknown option '{options[i]}'");
                    return 2;
            }
        }
        var report = SubmissionCompiler.Compile(sources, banned, screen);
        using var stdout = Console.OpenStandardOutput();
        JsonSerializer.Serialize(stdout, report);
        return 0;
    }
}
