using System.Globalization;
using GradingHost.Checks;

namespace GradingHost.Rubric;

/// <summary>Everything the host knows about one graded submission; results.json and feedback.pdf are two views of it.</summary>
/// <param name="Summary">one paragraph for the student: the score and, when grading could not run, why</param>
/// <param name="Isolation">how the student's code was confined, e.g. "bubblewrap sandbox …" or "none (--unsandboxed)"</param>
/// <param name="Attention">null when the report has no attention figure to show</param>
/// <param name="Figures">charts, plots and tables, in the order the checks recorded them</param>
/// <param name="InternalError">the grader itself failed (not the submission): the outputs say so and the CLI exits 1</param>
public sealed record GradeReport(
    string Student,
    string AssignmentId,
    string AssignmentTitle,
    string Profile,
    string GraderVersion,
    DateTimeOffset GradedAt,
    double ExecutionSeconds,
    string Summary,
    string Isolation,
    IReadOnlyList<ItemResult> Items,
    IReadOnlyList<ReportMeasurement> Measurements,
    AttentionPattern? Attention,
    IReadOnlyList<ReportFigure> Figures,
    bool InternalError = false)
{
    /// <summary>Where the time went, for instructors' benchmarks; never shown to the student (it would tell a reused training apart).</summary>
    public PhaseTimes Phases { get; init; } = new(0, 0);

    /// <summary>The grading's time limit cut the checks short (or stopped them all).</summary>
    public bool TimedOut { get; init; }

    /// <summary>Each check's own verdict, keyed as the manifest names checks; empty when no check ran.</summary>
    public IReadOnlyDictionary<string, CheckOutcome> Outcomes { get; init; } = new Dictionary<string, CheckOutcome>();

    public double Score => Items.Sum(i => i.Earned);
    /// <summary>Without extra credit, which may take <see cref="Score"/> above it.</summary>
    public double MaxScore => Items.Where(i => !i.ExtraCredit).Sum(i => i.Possible);

    /// <summary>"10 / 13", or "10 / 13 + 7 / 7 extra credit" where the rubric offers extra credit.</summary>
    public string ScoreText => Describe(Items);

    /// <summary>Every item's points earned, extra credit included.</summary>
    public bool EveryItemPassed => Items.All(i => i.Earned >= i.Possible);

    /// <summary>A sum like "20 / 13" would read as a mistake, so extra credit is shown as its own part.</summary>
    public static string Describe(IReadOnlyList<ItemResult> items)
    {
        static string Part(IEnumerable<ItemResult> part) =>
            string.Create(CultureInfo.InvariantCulture, $"{part.Sum(i => i.Earned):0.##} / {part.Sum(i => i.Possible):0.##}");
        var extra = items.Where(i => i.ExtraCredit).ToList();
        var regular = Part(items.Where(i => !i.ExtraCredit));
        return extra.Count == 0 ? regular : $"{regular} + {Part(extra)} extra credit";
    }
}
