using System.Diagnostics;
using GradingHost.Batch;
using GradingHost.Pipeline;

namespace GradingHost.Bench;

/// <summary>
/// grade-all on a class where every other student hands in the reference and the rest one of faults.yaml's
/// mistakes in turn (those that change the model's start train), each made distinct; then the rerun.
/// </summary>
internal sealed record BatchThroughput(int Students, int Jobs, double Seconds, double RerunSeconds)
{
    public double SecondsPerStudent => Seconds / Students;

    public static BatchThroughput Measure(RepositoryLayout layout, string assignment, int students)
    {
        var manifest = layout.Manifest(assignment);
        var scratch = Path.Combine(layout.Root, "out", "bench", "class");
        if (Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
        using var pipeline = new GradingPipeline(layout);
        var verification = new Verification(layout, pipeline);
        for (var i = 0; i < students; i++)
        {
            var target = Path.Combine(scratch, "submissions", $"student{i:000}");
            var sources = i % 2 == 0 ? SubmissionSource.Gather(manifest.Reference, layout, target)
                : verification.FaultySources(manifest, manifest.Faults[i / 2 % manifest.Faults.Count], target);
            GradingPhases.MakeDistinct(sources);
        }
        var roster = ClassRoster.Discover(Path.Combine(scratch, "submissions"));
        var batch = new BatchGrading(layout, pipeline);
        var jobs = BatchGrading.MostJobs(new GradingOptions().MemoryLimitMegabytes);
        double Run()
        {
            var clock = Stopwatch.StartNew();
            var records = batch.Run(manifest, roster, Path.Combine(scratch, "graded"), "cpu", jobs, new GradingOptions(), new Quiet());
            if (records.Where((_, i) => i % 2 == 0).Any(r => r.Score < r.MaxScore) || records.Any(r => r.Outcome != StudentOutcome.Graded))
                throw new InvalidOperationException("A correct submission lost points, or a submission was not graded, in the batch benchmark.");
            return clock.Elapsed.TotalSeconds;
        }
        var first = Run();
        return new BatchThroughput(students, jobs, first, Run());
    }

    private sealed class Quiet : IBatchProgress
    {
        public void Started(ClassSubmission submission) { }

        public void Finished(StudentRecord record, bool reused) { }
    }
}
