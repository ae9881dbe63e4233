using GradingHost.Batch;
using Spectre.Console;

namespace GradingHost.Cli;

/// <summary>
/// grade-all's progress: on a terminal a live bar (done/total, the students being graded, failures so
/// far, time left); in a log (CI), one line per student as they finish.
/// </summary>
internal sealed class BatchConsole(int total) : IBatchProgress
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _current = [];
    private int _done, _reused, _problems;
    private ProgressTask? _task;

    /// <returns>the records, and how many of them an earlier run had graded already</returns>
    public static (IReadOnlyList<StudentRecord> Records, int Kept) Run(int total, Func<IBatchProgress, IReadOnlyList<StudentRecord>> batch)
    {
        var console = new BatchConsole(total);
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return (batch(console), console._reused);
        IReadOnlyList<StudentRecord> records = [];
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                console._task = context.AddTask("grading", maxValue: total);
                records = batch(console);
            });
        return (records, console._reused);
    }

    public void Started(ClassSubmission submission)
    {
        lock (_gate)
        {
            _current.Add(submission.Student);
            Update();
        }
    }

    public void Finished(StudentRecord record, bool reused)
    {
        lock (_gate)
        {
            _current.Remove(record.Student);
            _done++;
            _reused += reused ? 1 : 0;
            _problems += record.Outcome is StudentOutcome.Graded ? 0 : 1;
            if (_task is null)
                Console.WriteLine($"[{_done}/{total}] {record.Student}: {Points(record)}{(reused ? " (unchanged since the last run: kept)" : $" in {record.Seconds:0.0} s")}" +
                                  (record.Outcome is StudentOutcome.Graded ? "" : $" — {record.Outcome}: {record.Cause}"));
            else
                _task.Increment(1);
            Update();
        }
    }

    private void Update()
    {
        if (_task is null)
            return;
        var now = _current.Count == 0 ? "" : $" · now: {Markup.Escape(string.Join(", ", _current.Take(4)))}";
        var problems = _problems == 0 ? "" : $" · [red]{_problems} not graded normally[/]";
        _task.Description = $"{_done}/{total} graded{(_reused > 0 ? $" ({_reused} kept)" : "")}{problems}{now}";
    }

    private static string Points(StudentRecord record) =>
        $"{record.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} / {record.MaxScore.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
}
