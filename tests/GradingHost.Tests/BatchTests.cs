using System.IO.Compression;
using GradingHost.Batch;
using GradingHost.Pipeline;
using UglyToad.PdfPig;
using Xunit;

namespace GradingHost.Tests;

public sealed class BatchTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    [Fact]
    public void GradescopesExportNamesTheStudents()
    {
        var export = Directory.CreateTempSubdirectory().FullName;
        foreach (var folder in new[] { "submission_101", "submission_102", "submission_103" })
            Directory.CreateDirectory(Path.Combine(export, folder));
        File.WriteAllText(Path.Combine(export, ClassRoster.GradescopeMetadata), """
            submission_101:
              :submitters:
              - :name: Ada Lovelace
                :sid: '1815'
                :email: ada@example.edu
              :created_at: 2026-11-01 10:00:00.000000000 -07:00
              :score: 0.0
            submission_102:
              :submitters:
              - :name: Alan Turing
                :sid: '1912'
                :email: alan@example.edu
              - :name: Grace Hopper
                :sid: '1906'
                :email: grace@example.edu
            """);

        var roster = ClassRoster.Discover(export);

        Assert.Equal(["Ada Lovelace", "Alan Turing; Grace Hopper", "submission_103"], roster.Select(s => s.Student));
        Assert.Equal(["1815", "1912; 1906", ""], roster.Select(s => s.StudentId));
        Assert.Equal("ada@example.edu", roster[0].Email);
        Assert.Equal(["Ada_Lovelace-1815", "Alan_Turing__Grace_Hopper-1912__1906", "submission_103"], roster.Select(s => s.Folder));
    }

    [Fact]
    public void StudentNamesBecomePlainDistinctFolders()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        foreach (var name in new[] { "alice", "Alice", "a..b", "=cmd|' /C calc'!A0", "ünïcode name", "Gradebook.csv" })
            Directory.CreateDirectory(Path.Combine(folder, name));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a submission");

        var folders = ClassRoster.Discover(folder).Select(s => s.Folder).ToList();

        Assert.Equal(6, folders.Count);
        Assert.DoesNotContain(folders, f => f.Equals(BatchGrading.GradebookFile, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(folders.Count, folders.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(folders, f => Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9._-]*$", f));
    }

    [Fact]
    public void AnEmptyClassFolderIsAClearError() =>
        Assert.Contains("holds no submissions", Assert.Throws<UserError>(() => ClassRoster.Discover(Directory.CreateTempSubdirectory().FullName)).Message);

    /// <summary>
    /// A small class of correct, faulty, broken and hostile submissions grades unattended; a rerun keeps every
    /// grading, and a student who hands in again is the only one graded again.
    /// </summary>
    [Fact]
    public void AClassIsGradedUnattendedAndARerunGradesOnlyWhatChanged()
    {
        var manifest = Layout.Manifest("attention");
        var classFolder = Path.Combine(Layout.Root, "out", "test-batch", "class");
        var output = Path.Combine(Layout.Root, "out", "test-batch", "graded");
        foreach (var folder in new[] { classFolder, output, Path.Combine(Layout.Root, "out", "test-batch", "carol") })
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(classFolder);
        SubmissionSource.Gather(manifest.Reference, Layout, Path.Combine(classFolder, "alice"));
        SubmissionSource.Gather(manifest.Starter, Layout, Path.Combine(classFolder, "bob"));
        // A zip of correct code that starts like the reference: given the reference's training, so the test trains nothing of its own.
        var carol = SubmissionSource.Gather(manifest.Reference, Layout, Path.Combine(Layout.Root, "out", "test-batch", "carol"));
        File.AppendAllText(Path.Combine(carol, "Mlp.cs"), "// carol's own copy\n");
        ZipFile.CreateFromDirectory(carol, Path.Combine(classFolder, "carol.zip"));
        SubmissionSource.Gather(["examples/attention/does-not-compile"], Layout, Path.Combine(classFolder, "dave"));
        var eve = SubmissionSource.Gather(manifest.Starter, Layout, Path.Combine(classFolder, "eve"));
        File.Copy(Path.Combine(Layout.Root, "tests", "hostile", "ForgedResults.cs"), Path.Combine(eve, "ForgedResults.cs"));
        Directory.CreateSymbolicLink(Path.Combine(classFolder, "frank"), Path.Combine(classFolder, "alice"));
        SubmissionSource.Gather(manifest.Reference, Layout, Path.Combine(classFolder, "=HYPERLINK(\"x\")"));

        using var pipeline = new GradingPipeline(Layout);
        var batch = new BatchGrading(Layout, pipeline);
        var records = batch.Run(manifest, ClassRoster.Discover(classFolder), output, "cpu", 2, GradingOptions.Default, new Silent());
        // Five students' checks ran (the others did not compile or were refused), on one resident checker per job.
        Assert.InRange(pipeline.Checkers.Started, 1, 2);

        var scores = records.ToDictionary(r => r.Student, r => r.Score);
        Assert.Equal(20, scores["alice"]);
        Assert.Equal(0, scores["bob"]);
        Assert.Equal(20, scores["carol"]);
        Assert.Equal(0, scores["dave"]);
        Assert.Equal(0, scores["eve"]);
        Assert.Equal(0, scores["frank"]);
        Assert.Equal(StudentOutcome.NotGraded, records.Single(r => r.Student == "frank").Outcome);
        Assert.All(records, r => Assert.NotEqual(StudentOutcome.GraderFailed, r.Outcome));
        Assert.All(records, r => Assert.True(File.Exists(Path.Combine(output, r.Folder, "results.json")) && File.Exists(Path.Combine(output, r.Folder, "feedback.pdf")), r.Student));

        var gradebook = File.ReadAllLines(Path.Combine(output, BatchGrading.GradebookFile));
        Assert.Equal(records.Count + 1, gradebook.Length);
        Assert.StartsWith("\uFEFFstudent,student_id,email,folder,shapes,", File.ReadAllText(Path.Combine(output, BatchGrading.GradebookFile)));
        Assert.Contains(gradebook, line => line.StartsWith("alice,,,alice,2,3,1,1,2,2,4,5,20,20,Graded", StringComparison.Ordinal));
        // A name a spreadsheet would run as a formula is written as text.
        Assert.Contains(gradebook, line => line.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal));

        using (var summary = PdfDocument.Open(Path.Combine(output, BatchGrading.SummaryFile)))
        {
            var text = string.Join("\n", summary.GetPages().Select(p => p.Text));
            Assert.Contains("Class summary", text);
            Assert.Contains("frank", text);
            Assert.Contains("symbolic link", text);
        }

        // The rerun grades nobody (its time is measured in docs/benchmarks.md, not asserted here).
        var unchanged = new Silent();
        var rerun = batch.Run(manifest, ClassRoster.Discover(classFolder), output, "cpu", 2, GradingOptions.Default, unchanged);
        Assert.Empty(unchanged.Graded);
        Assert.Equal(records.Select(r => (r.Student, r.Key, r.Score, r.Outcome)), rerun.Select(r => (r.Student, r.Key, r.Score, r.Outcome)));

        // Bob hands in the correct code: he alone is graded again.
        SubmissionSource.Gather(manifest.Reference, Layout, Path.Combine(classFolder, "bob"));
        var progress = new Silent();
        var third = batch.Run(manifest, ClassRoster.Discover(classFolder), output, "cpu", 2, GradingOptions.Default, progress);
        Assert.Equal(["bob"], progress.Graded);
        Assert.Equal(20, third.Single(r => r.Student == "bob").Score);
    }

    private sealed class Silent : IBatchProgress
    {
        public List<string> Graded { get; } = [];

        public void Started(ClassSubmission submission)
        {
            lock (Graded)
                Graded.Add(submission.Student);
        }

        public void Finished(StudentRecord record, bool reused)
        {
        }
    }
}
