using System.Net;
using System.Net.Sockets;
using Xunit;

namespace GradingHost.Tests;

/// <summary>
/// One test per kind of attack from the sandboxed worker (tests/hostile/), each added to the starter and
/// graded with the source screen off: every one scores 0, the host answers, and nothing outside the
/// sandbox changes (<see cref="Hostile.Footprint"/>).
/// </summary>
public sealed class SandboxTests
{
    /// <summary>
    /// bubblewrap's --die-with-parent is PR_SET_PDEATHSIG, which follows the thread that started it, not
    /// the process: workers started from thread-pool threads were killed (signal 9) when the pool retired
    /// the thread, mid-training of correct submissions (found by `gradinghost mutate`: two equivalent
    /// mutants "lost" their training item that way).
    /// </summary>
    [Fact]
    public void ASandboxOutlivesTheThreadThatStartedIt()
    {
        var group = "t" + Guid.NewGuid().ToString("N")[..16];
        GradingHost.Sandbox.SandboxedProcess? process = null;
        var starter = new Thread(() =>
        {
            process = GradingHost.Sandbox.Sandbox.Start(
                new GradingHost.Sandbox.SandboxSpec(["/bin/sleep", "30"], [], 256L << 20, 16, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }),
                GradingHost.Sandbox.SandboxMode.Bubblewrap, group);
            // bubblewrap has set its parent-death signal by now: the thread's end is what must not matter.
            Thread.Sleep(TimeSpan.FromSeconds(1));
        });
        starter.Start();
        starter.Join();
        try
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
            Assert.False(process!.HasExited, $"the sandbox died with the thread that started it: {(process.HasExited ? process.Exit : null)}");
        }
        finally
        {
            process?.Kill();
            process?.Dispose();
            GradingHost.Sandbox.Cgroup.RemoveGroup(group);
        }
    }

    [Fact]
    public void ForgedResultsAndAnEarlyExitScoreNothing()
    {
        var (report, _, _) = Hostile.Grade("ForgedResults.cs");
        Assert.Contains("instead of returning", Hostile.Feedback(report));
    }

    [Fact]
    public void ExitHooksCannotRewriteTheReport() => Hostile.Grade("ExitHooks.cs");

    [Fact]
    public void TheReferenceCannotBeBorrowed()
    {
        var (report, _, _) = Hostile.Grade("BorrowedReference.cs");
        Assert.DoesNotContain("Reference.Attention", Hostile.Feedback(report));
    }

    [Fact]
    public void FilesAndEnvironmentOutsideTheSandboxCannotBeReadIntoFeedback()
    {
        // The attack ran and its message reached the feedback, but nothing it looked for was there to read.
        var feedback = LeakedFeedback("ReadsFiles.cs");
        foreach (var secret in new[] { "Math.Sqrt(dk)", "mask-hides-diagonal", "GRADINGHOST_", Hostile.Layout.Root, "root:" })
            Assert.DoesNotContain(secret, feedback);
    }

    [Fact]
    public void NoDevSplitIsThereToLookUp()
    {
        var feedback = LeakedFeedback("ReadsDevSplit.cs");
        foreach (var split in new[] { "brown-dev", "shakespeare-dev", "tinystories" })
            Assert.Contains($"{split}: FileNotFoundException", feedback);
        Assert.DoesNotContain(" characters;", feedback);
    }

    /// <summary>
    /// Grades an attack that the MLP's forward throws as its message (Attack.Leak), so whatever it found reaches
    /// the feedback; the feedback, once it shows that the attack ran (its marker is there).
    /// </summary>
    private static string LeakedFeedback(string attack)
    {
        var (report, _, marker) = Hostile.Grade(attack,
            ("Mlp.cs", "throw new NotImplementedException(\"TODO: H = ReLU(Z W_up + b1) W_down + b2.\");", "throw Attack.Leak();"));
        var feedback = Hostile.Feedback(report);
        Assert.Contains(marker, feedback);
        return feedback;
    }

    [Fact]
    public void TheSharedCacheCannotBeWritten() => Hostile.Grade("WritesCache.cs");

    [Fact]
    public void NoProcessOutlivesGradingNorHoldsItsOutput()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Hostile.Grade("OutlivesGrading.cs");
        // The children sleep for a minute holding the worker's output: grading neither waited for them nor left them running.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(55), $"grading took {clock.Elapsed.TotalSeconds:0} s");
    }

    [Fact]
    public void TheNetworkIsUnreachableEvenOnLoopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Hostile.Grade("Network.cs", port: ((IPEndPoint)listener.LocalEndpoint).Port);
        Assert.False(listener.Pending(), "the worker reached a listener on the host's loopback");
    }

    [Fact]
    public void AMemoryBombHitsTheLimitAndSaysSo()
    {
        var (report, _, _) = Hostile.Grade("MemoryBomb.cs", options: Hostile.Unscreened with { MemoryLimitMegabytes = 1024 });
        Assert.Contains("memory", Hostile.Feedback(report));
    }

    [Fact]
    public void AnOutputFloodIsCutToItsTail()
    {
        var (_, output, _) = Hostile.Grade("OutputFlood.cs");
        Assert.True(new FileInfo(Path.Combine(output, "results.json")).Length < 100_000);
    }

    [Fact]
    public void GarbageOnTheProtocolEndsOnlyTheWorker()
    {
        var (report, _, _) = Hostile.Grade("ProtocolGarbage.cs");
        Assert.Contains("could not read", Hostile.Feedback(report));
    }

    [Fact]
    public void AThrowingStaticConstructorShowsItsInnerException()
    {
        var (report, _, marker) = Hostile.Grade("StaticConstructor.cs",
            ("CausalSelfAttention.cs", "query = nn.Linear(config.Width, config.Width, hasBias: false);", "query = nn.Linear(config.Width + 0 * Settings.Width, config.Width, hasBias: false);"),
            options: Hostile.Unscreened with { ScreenSources = true });
        var feedback = Hostile.Feedback(report);
        Assert.Contains("FormatException in the static constructor of Homework.Attention.Settings", feedback);
        Assert.Contains(marker, feedback);
        Assert.Contains("StaticConstructor.cs:line", feedback);
    }

    [Fact]
    public void AStackOverflowNamesTheStudentsMethod()
    {
        var report = Hostile.GradeEditedReference("stack-overflow", ("Mlp.cs", "public override Tensor forward(Tensor z) =>",
            "public override Tensor forward(Tensor z) => z.shape[0] >= 0 ? forward(z) :"));
        var feedback = Hostile.Feedback(report);
        Assert.Contains("overflowed the stack in Mlp.forward", feedback);
        // The attention layer still matches the reference; the MLP and the model that uses it are not excused for crashing.
        var matches = report.Items.Single(i => i.Id == "matches-reference");
        Assert.InRange(matches.Earned, 1, 2);
        Assert.DoesNotContain("Not charged here", feedback);
    }

    [Fact]
    public void AnEndlessLoopHitsTheTimeLimit()
    {
        var report = Hostile.GradeEditedReference("endless-loop", ("Mlp.cs", "public override Tensor forward(Tensor z) =>",
            "public override Tensor forward(Tensor z) { while (z.shape[0] >= 0) { } return z; }\n    private Tensor Unused(Tensor z) =>"), TimeSpan.FromSeconds(20));
        Assert.Contains("time limit of 20 s", report.Summary);
        Assert.Contains("did not finish within", Hostile.Feedback(report));
        // What ran before the loop took the time (the attention layer matches) is paid; nothing after it is.
        Assert.Equal(0, report.Items.Single(i => i.Id == "training").Earned);
        Assert.True(report.Items.Single(i => i.Id == "matches-reference").Earned < report.Items.Single(i => i.Id == "matches-reference").Possible);
        Assert.Contains("not attempted: the grading's time limit had been reached", Hostile.Feedback(report));
    }
}
