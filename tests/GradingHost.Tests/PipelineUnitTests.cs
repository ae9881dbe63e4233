using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using GradingHost.Worker.Compiling;
using Xunit;

namespace GradingHost.Tests;

public sealed class PipelineUnitTests
{
    [Fact]
    public void TrainingProgressLinesAreReadBackAndNothingElseIs()
    {
        var report = new TrainingProgressReport("Training your language model (cpu profile)", 150, 600, 32 * 64);
        Assert.Equal(report, TrainingProgress.Parse(TrainingProgress.Line(report)));
        Assert.Null(TrainingProgress.Parse("  Passed GradingHost.Checks.Attention.ShapeChecks.OutputKeepsTheInputShape"));
        Assert.Null(TrainingProgress.Parse($"{TrainingProgress.Marker} {{\"what\": 3"));
        Assert.Null(TrainingProgress.Parse($"{TrainingProgress.Marker}x {{}}"));
        Assert.Null(TrainingProgress.Parse($"{TrainingProgress.Marker} {{\"Step\": 1}}"));
    }

    [Fact]
    public void ScannerFindsBannedApisThroughAliasesButNotInCommentsOrStrings()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "A.cs"), """
            using F = TorchSharp.torch.nn.functional;
            using static TorchSharp.torch;
            // F.scaled_dot_product_attention(q, k, v) in a comment does not count
            public static class A
            {
                public static string Text = "scaled_dot_product_attention";
                public static Tensor Run(Tensor q, Tensor k, Tensor v) => F.scaled_dot_product_attention(q, k, v);
            }
            """);
        var uses = ApiUsageScanner.Find(SubmissionCompilation.Create(dir, "Scan"), ["TorchSharp.torch.nn.functional.scaled_dot_product_attention"]);
        var use = Assert.Single(uses);
        Assert.Equal(7, use.Line);
    }

    [Fact]
    public void AMistakeIsChargedOnce()
    {
        var manifest = new AssignmentManifest
        {
            Items =
            [
                new RubricItem { Id = "scale", Title = "Scale", Points = 2, Checks = ["S.Scale"] },
                new RubricItem { Id = "ref", Title = "Matches", Points = 4, Checks = ["R.A", "R.B"], ExcusedBy = ["scale"] },
                new RubricItem { Id = "other", Title = "Other", Points = 3, Checks = ["O.A", "O.B", "O.C"] },
            ],
        };
        var outcomes = new Dictionary<string, CheckOutcome>
        {
            ["S.Scale"] = new("S.Scale", CheckVerdict.Failed, "scores off by 6"),
            ["R.A"] = new("R.A", CheckVerdict.Failed, "output differs"),
            ["R.B"] = new("R.B", CheckVerdict.Passed, ""),
            ["O.A"] = new("O.A", CheckVerdict.Passed, ""),
            ["O.B"] = new("O.B", CheckVerdict.Failed, "wrong"),
        };
        var items = Scorer.Score(manifest, outcomes);
        Assert.Equal([0, 4, 1], items.Select(i => i.Earned));
        Assert.Contains(items[1].Messages, m => m.StartsWith("Not charged here") && m.Contains("\"Scale\""));
        Assert.Equal(ItemStatus.Partial, items[2].Status);
        Assert.Contains(items[2].Messages, m => m == "This check did not run.");
    }

    [Fact]
    public void UnknownAssignmentIsAUserError()
    {
        var error = Assert.Throws<UserError>(() => RepositoryLayout.Discover().Manifest("nope"));
        Assert.Contains("attention", error.Message);
    }

    [Fact]
    public void UncalibratedProfileIsRefusedBeforeAnythingRuns()
    {
        var layout = RepositoryLayout.Discover();
        var output = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        var error = Assert.Throws<UserError>(() => new GradingPipeline(layout).Grade(layout.Manifest("attention"), "reference", output, "gpu"));
        Assert.Contains("no dev-perplexity bar for the gpu profile yet", error.Message);
        Assert.Contains("gradinghost calibrate --assignment attention --profile gpu", error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void AProfileTheManifestDoesNotListIsRefused()
    {
        var layout = RepositoryLayout.Discover();
        var output = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        var error = Assert.Throws<UserError>(() => new GradingPipeline(layout).Grade(layout.Manifest("sampling"), "reference", output, "gpu"));
        Assert.Contains("not graded with the gpu profile (its manifest lists: cpu)", error.Message);
    }

    [Theory]
    [InlineData("clash", "is used twice")]
    [InlineData("misfit", "it must occur exactly once")]
    public void FaultListMistakesAreRefusedBeforeAnythingIsGraded(string mistake, string message)
    {
        var layout = RepositoryLayout.Discover();
        var manifest = layout.Manifest("attention");
        var first = manifest.Faults[0];
        manifest.Faults.Add(mistake == "clash"
            ? new FaultyVariant { Id = first.Id, File = first.File, Find = first.Find, Replace = first.Replace, Loses = first.Loses }
            : new FaultyVariant { Id = "misfit", File = first.File, Find = "text the reference does not contain", Replace = "", Loses = first.Loses });
        var output = Directory.CreateTempSubdirectory().FullName;

        var error = Assert.Throws<UserError>(() => new Verification(layout, new GradingPipeline(layout)).Verify(manifest, output, "cpu", GradingOptions.Default, _ => { }));

        Assert.Contains(message, error.Message);
        Assert.False(Directory.Exists(Path.Combine(output, "reference")));
    }
}
