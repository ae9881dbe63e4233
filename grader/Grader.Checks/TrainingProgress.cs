using System.Diagnostics;
using System.Text.Json;

namespace GradingHost.Checks;

/// <summary>
/// The checker's side of the host's progress display: a training the checker runs or asks the worker for
/// writes one line <c><see cref="Marker"/> {json}</c> on standard output about once a second, which the host
/// reads beside the checks' own output. Nothing of the student's reaches these lines but the step count.
/// </summary>
public static class TrainingProgress
{
    public const string Marker = "##gradinghost-progress";

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly Lock Gate = new();
    private static (string What, long TokensPerStep)? _current;
    private static readonly Stopwatch SinceLast = Stopwatch.StartNew();

    /// <summary>Names the training whose steps follow, until the result is disposed.</summary>
    public static IDisposable Begin(string what, long tokensPerStep)
    {
        lock (Gate)
            _current = (what, tokensPerStep);
        return new End();
    }

    /// <summary><paramref name="step"/> of <paramref name="steps"/> done: written when a second has passed since the last line, and at the end.</summary>
    public static void Step(int step, int steps)
    {
        lock (Gate)
        {
            if (_current is not { } current || (step < steps && SinceLast.Elapsed < Interval))
                return;
            SinceLast.Restart();
            Console.Out.WriteLine(Line(new TrainingProgressReport(current.What, step, steps, current.TokensPerStep)));
            Console.Out.Flush();
        }
    }

    public static string Line(TrainingProgressReport report) => $"{Marker} {JsonSerializer.Serialize(report)}";

    /// <summary>A line of the checker's output as a report, or null when it is not one.</summary>
    public static TrainingProgressReport? Parse(string line)
    {
        if (!line.StartsWith(Marker + " ", StringComparison.Ordinal))
            return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingProgressReport>(line.AsSpan(Marker.Length + 1)) is { What: not null } report ? report : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class End : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
                _current = null;
        }
    }
}
