using System.Text.Json;
using System.Text.Json.Serialization;
using GradingHost.Rubric;

namespace GradingHost.Batch;

/// <summary>
/// What a batch keeps of one student's grading, in &lt;out&gt;/&lt;student&gt;/grading.json beside
/// results.json and feedback.pdf: enough for the gradebook, the class summary, and to tell on a rerun
/// whether the student must be graded again (<see cref="Key"/>).
/// </summary>
/// <param name="Cause">for anything but a normal grading, the first line of the summary</param>
/// <param name="Crashes">what ended the process running the student's code, when something did (an exit, a signal, a limit)</param>
/// <param name="Seconds">wall time of the grading (a reused record keeps its first grading's)</param>
public sealed record StudentRecord(
    string Folder,
    string Student,
    string StudentId,
    string Email,
    string Key,
    StudentOutcome Outcome,
    string Cause,
    double Score,
    double MaxScore,
    IReadOnlyList<StudentItem> Items,
    IReadOnlyList<string> Crashes,
    double Seconds,
    double CompileSeconds,
    double CheckSeconds)
{
    public const string FileName = "grading.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static StudentRecord From(ClassSubmission submission, string key, GradeReport report)
    {
        var outcome = report.InternalError ? StudentOutcome.GraderFailed
            : report.TimedOut ? StudentOutcome.Stopped
            : report.Outcomes.Count == 0 ? StudentOutcome.NotGraded
            : StudentOutcome.Graded;
        var crashes = report.Outcomes.Values
            .Where(o => o.Verdict == CheckVerdict.CodeFailed && o.Message.Contains("the process running your code", StringComparison.Ordinal))
            .Select(o => o.Message).Distinct().ToList();
        return new StudentRecord(submission.Folder, submission.Student, submission.StudentId, submission.Email, key, outcome,
            outcome == StudentOutcome.Graded ? "" : report.Summary.Split('\n')[0],
            report.Score, report.MaxScore,
            report.Items.Select(i => new StudentItem(i.Id, i.Earned, i.Possible, i.Status, i.Messages)).ToList(), crashes,
            report.ExecutionSeconds, report.Phases.CompileSeconds, report.Phases.CheckSeconds);
    }

    /// <summary>A grading that ended in the host itself, before any report: nothing earned, the cause kept for the summary.</summary>
    public static StudentRecord Failed(ClassSubmission submission, string key, string cause, double maxScore) =>
        new(submission.Folder, submission.Student, submission.StudentId, submission.Email, key, StudentOutcome.GraderFailed, cause, 0, maxScore, [], [], 0, 0, 0);

    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Options));

    /// <summary>The record a previous run left, or null when there is none or it cannot be read.</summary>
    public static StudentRecord? TryRead(string folder)
    {
        try
        {
            return JsonSerializer.Deserialize<StudentRecord>(File.ReadAllText(Path.Combine(folder, FileName)), Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
