using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Report;

namespace GradingHost.Batch;

/// <summary>
/// `gradinghost grade-all`: every submission of a class, graded as `grade` grades one (each in its own
/// sandboxed worker), several at a time, writing &lt;out&gt;/&lt;student&gt;/{results.json, feedback.pdf,
/// grading.json}, then gradebook.csv and class-summary.pdf. A rerun grades only the students whose
/// submission, grader or profile changed since (<see cref="GradingKey"/>), so an interrupted batch resumes.
/// </summary>
public sealed class BatchGrading(RepositoryLayout layout, GradingPipeline pipeline)
{
    public const string GradebookFile = "gradebook.csv";
    public const string SummaryFile = "class-summary.pdf";

    /// <summary>What one grading needs at most, measured (README): the checker and the student's worker together.</summary>
    public const long MemoryPerJobBytes = 1536L << 20;

    /// <summary>As many gradings at once as there are cores, or as fit in memory, whichever is fewer (each runs libtorch on one thread).</summary>
    public static int MostJobs => (int)Math.Clamp(Math.Min(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / MemoryPerJobBytes), 1, 256);

    /// <param name="shard">grade only this shard's students and write no gradebook or summary (a later run without a shard writes them, reusing every grading)</param>
    /// <returns>every graded student's record, in the roster's order</returns>
    public IReadOnlyList<StudentRecord> Run(AssignmentManifest manifest, IReadOnlyList<ClassSubmission> roster, string outDirectory, string profile,
        int jobs, GradingOptions options, IBatchProgress progress, Shard? shard = null)
    {
        if (shard is not null)
            roster = roster.Where((_, position) => shard.Holds(position)).ToList();
        Directory.CreateDirectory(outDirectory);
        var graderKey = GradingKey.OfGrader(layout, manifest, profile);
        var records = new StudentRecord[roster.Count];
        try
        {
            Parallel.For(0, roster.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(jobs, 1, MostJobs) }, i =>
            {
                var submission = roster[i];
                var folder = Path.Combine(outDirectory, submission.Folder);
                var key = GradingKey.Of(graderKey, submission);
                if (StudentRecord.TryRead(folder) is { } previous && previous.Key == key
                    && File.Exists(Path.Combine(folder, "results.json")) && File.Exists(Path.Combine(folder, "feedback.pdf")))
                {
                    // The student's name may have changed in the roster since; the grading has not.
                    records[i] = previous with { Student = submission.Student, StudentId = submission.StudentId, Email = submission.Email };
                    progress.Finished(records[i], reused: true);
                    return;
                }
                progress.Started(submission);
                var report = pipeline.Grade(manifest, submission.Path, folder, profile, options, submission.Student);
                records[i] = StudentRecord.From(submission, key, report);
                records[i].Write(folder);
                progress.Finished(records[i], reused: false);
            });
        }
        catch (AggregateException e)
        {
            // The cause, not "one or more errors occurred"; a UserError (no sandbox, say) first, since the CLI explains those.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions.OfType<UserError>().FirstOrDefault() ?? e.InnerExceptions[0]);
        }
        if (shard is null)
        {
            Gradebook.Write(manifest, records, Path.Combine(outDirectory, GradebookFile));
            ClassSummaryPdf.Write(manifest, records, profile, Path.Combine(outDirectory, SummaryFile));
        }
        return records;
    }
}
