using System.Diagnostics;
using System.Globalization;
using GradingHost.Checks;
using Spectre.Console;

namespace GradingHost.Cli;

/// <summary>
/// grade's progress through the trainings a grading runs (the student's model, the instructors' cached
/// ones): on a terminal a live bar per training with steps, tokens per second and time left; in a log
/// (CI), a line on standard error at every quarter, so the log shows what a long wait is.
/// </summary>
internal sealed class TrainingConsole
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Training> _trainings = [];
    private ProgressContext? _context;

    private sealed class Training(ProgressTask? task)
    {
        public ProgressTask? Task { get; } = task;
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public int FirstStep { get; set; } = -1;
        public int LastStep { get; set; }
        public int LastQuarter { get; set; } = -1;
    }

    /// <summary>Runs <paramref name="grade"/> with a progress callback that shows its trainings.</summary>
    public static T Run<T>(Func<Action<TrainingProgressReport>, T> grade)
    {
        var console = new TrainingConsole();
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return grade(console.Report);
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                console._context = context;
                result = grade(console.Report);
            });
        return result;
    }

    private void Report(TrainingProgressReport report)
    {
        lock (_gate)
        {
            // A step count that goes back is the next training of the same name (the reference's 4-head model, then its 1-head one).
            if (!_trainings.TryGetValue(report.What, out var training) || report.Step < training.LastStep)
                _trainings[report.What] = training = new Training(_context?.AddTask(Markup.Escape(report.What), maxValue: Math.Max(1, report.Steps)));
            if (training.FirstStep < 0)
                training.FirstStep = report.Step;
            training.LastStep = report.Step;
            var seconds = training.Clock.Elapsed.TotalSeconds;
            var tokensPerSecond = seconds > 0 ? (report.Step - training.FirstStep) * report.TokensPerStep / seconds : 0;
            var speed = tokensPerSecond > 0 ? $"{tokensPerSecond.ToString("N0", CultureInfo.InvariantCulture)} tokens/s" : "starting";
            if (training.Task is { } task)
            {
                task.Value = report.Step;
                task.Description = $"{Markup.Escape(report.What)} · {speed}";
                return;
            }
            var quarter = 4 * report.Step / Math.Max(1, report.Steps);
            if (quarter == training.LastQuarter)
                return;
            training.LastQuarter = quarter;
            var left = tokensPerSecond > 0 ? $", about {(report.Steps - report.Step) * report.TokensPerStep / tokensPerSecond:0} s left" : "";
            Console.Error.WriteLine($"{report.What}: step {report.Step}/{report.Steps}, {speed}{left}");
        }
    }
}
