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

    /// <summary>What a grading needs beside the student's worker, measured (README): host and checker, with room.</summary>
    public const long TrustedMemoryPerJobBytes = 1L << 30;

    /// <summary>
    /// As many gradings at once as there are cores, or as fit in memory if every student's code used all it may
    /// (<paramref name="workerMegabytes"/>), whichever is fewer: hostile allocations side by side then meet each
    /// sandbox's limit, not the kernel's OOM killer. Each grading runs libtorch on one thread.
    /// </summary>
    public static int MostJobs(int workerMegabytes) => (int)Math.Clamp(
        Math.Min(Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (TrustedMemoryPerJobBytes + ((long)workerMegabytes << 20))), 1, 256);

    /// <param name="shard">grade only this shard's students and write no gradebook or summary (a later run without a shard writes them, reusing every grading)</param>
    /// <returns>every graded student's record, in the roster's order</returns>
    public IReadOnlyList<StudentRecord> Run(AssignmentManifest manifest, IReadOnlyList<ClassSubmission> roster, string outDirectory, string profile,
        int jobs, GradingOptions options, IBatchProgress progress, Shard? shard = null)
    {
        if (shard is not null)
            roster = roster.Where((_, position) => shard.Holds(position)).ToList();
        try
        {
            Directory.CreateDirectory(outDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"The output folder {outDirectory} cannot be created: {e.Message}");
        }
        var graderKey = GradingKey.OfGrader(layout, manifest, profile, options);
        var records = new StudentRecord[roster.Count];
        try
        {
            Parallel.For(0, roster.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(jobs, 1, MostJobs(options.MemoryLimitMegabytes)) }, i =>
            {
                var submission = roster[i];
                var folder = Path.Combine(outDirectory, submission.Folder);
                var key = GradingKey.Of(graderKey, submission);
                // A grading that was stopped or that the grader failed may depend on the machine's load: tried again.
                if (StudentRecord.TryRead(folder) is { } previous && previous.Key == key && previous.Outcome is StudentOutcome.Graded or StudentOutcome.NotGraded
                    && File.Exists(Path.Combine(folder, "results.json")) && File.Exists(Path.Combine(folder, "feedback.pdf")))
                {
                    // The student's name may have changed in the roster since; the grading has not.
                    records[i] = previous with { Student = submission.Student, StudentId = submission.StudentId, Email = submission.Email };
                    progress.Finished(records[i], reused: true);
                    return;
                }
                progress.Started(submission);
                try
                {
                    var report = pipeline.Grade(manifest, submission.Path, folder, profile, options, submission.Student);
                    records[i] = StudentRecord.From(submission, key, report);
                    records[i].Write(folder);
                }
                catch (Exception e) when (e is not UserError)
                {
                    // One student's grading failing (a file the host cannot read or write) costs that student only; a rerun tries again.
                    records[i] = StudentRecord.Failed(submission, key, $"The grader failed on this submission ({e.GetType().Name}: {e.Message.Split('\n')[0]}).", manifest.TotalPoints);
                }
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
