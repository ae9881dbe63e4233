using GradingHost.Checks;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// One resident checker grades one submission after another: nothing of one student's code (its worker,
/// its training, what it attempted) reaches the next grading, and a checker that dies or hangs is
/// replaced rather than reused.
/// </summary>
public sealed class ResidentCheckerTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    [Fact]
    public void OneCheckerGradesStudentAfterStudentAndForgetsEachOne()
    {
        var manifest = Layout.Manifest("attention");
        var output = Path.Combine(Layout.Root, "out", "test-resident");
        using var pipeline = new GradingPipeline(Layout);

        // The starter between two correct submissions: were its worker or the first one's training kept, it would earn points, or the second would lose them.
        var first = pipeline.Grade(manifest, "reference", Path.Combine(output, "first"), "cpu");
        var starter = pipeline.Grade(manifest, "starter", Path.Combine(output, "starter"), "cpu");
        var again = pipeline.Grade(manifest, "reference", Path.Combine(output, "again"), "cpu");

        Assert.Equal(1, pipeline.Checkers.Started);
        Assert.Equal(manifest.TotalPoints, first.Score);
        Assert.Equal(0, starter.Score);
        Assert.All(starter.Items, i => Assert.Contains("not implemented", string.Join(" ", i.Messages), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(first.Items.Select(i => (i.Id, i.Earned, string.Join("\n", i.Messages))), again.Items.Select(i => (i.Id, i.Earned, string.Join("\n", i.Messages))));
        Assert.Equal(first.Measurements, again.Measurements);
    }

    /// <summary>The reference's in-process service restarts at every grading; its allowance of restarts is per grading, not per checker.</summary>
    [Fact]
    public void AConnectionServesEveryGradingNotOnlyItsFirstFew()
    {
        var connection = WorkerConnection.InProcess(typeof(ResidentCheckerTests).Assembly, isSubmission: false);
        for (var grading = 0; grading < 2 * WorkerConnection.MaxStarts; grading++)
        {
            connection.Call("Seeding torch's global generator", w => w.ManualSeedAsync(grading));
            connection.Forget();
        }
        Assert.Equal(2 * WorkerConnection.MaxStarts, connection.Generation);
    }

    [Fact]
    public void ACheckerThatDiesIsNotUsedAgain()
    {
        using var pool = new CheckerPool();
        // The worker is not a grader: it refuses the resident flag and exits, as a checker that crashed would.
        var dead = pool.Rent(Path.Combine(Layout.WorkerDirectory, "Grader.Worker.dll"));
        var (completed, timedOut, exitCode, _) = dead.Run(["-noLogo"], new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        Assert.False(completed);
        Assert.False(timedOut);
        Assert.NotNull(exitCode);
        Assert.NotEqual(0, exitCode);
        Assert.False(dead.Usable);
        pool.Return(dead);

        // A checker past its wait is killed, not handed the next grading.
        var slow = pool.Rent(Layout.GraderAssembly(Layout.Manifest("attention")));
        Assert.Equal(2, pool.Started);
        var late = slow.Run(["-noLogo", "-class", "NoSuchClass"], new Dictionary<string, string?>(), TimeSpan.FromMilliseconds(1));
        Assert.True(late.TimedOut);
        Assert.False(slow.Usable);
        pool.Return(slow);
        pool.Return(pool.Rent(Layout.GraderAssembly(Layout.Manifest("attention"))));
        Assert.Equal(3, pool.Started);
    }
}
