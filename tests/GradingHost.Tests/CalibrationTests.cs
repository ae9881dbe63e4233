using GradingHost.Calibration;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using Xunit;

namespace GradingHost.Tests;

/// <summary>`gradinghost calibrate`: the bars come from the reference, and writing one changes nothing else in the manifest.</summary>
public sealed class CalibrationTests
{
    private static readonly RepositoryLayout Layout = RepositoryLayout.Discover();

    private static readonly Checks.Manifest.Calibration Measured = new()
    {
        DevPerplexity = 12.4,
        Margin = 1.1,
        AtGradingSeed = 10.62,
        Seeds = new() { [1] = 11.14, [2] = 11.2 },
        Measured = "a test's \"figures\"",
    };

    [Fact]
    public void WritingABarReplacesOnlyThatProfilesEntry()
    {
        var path = CopyOfManifest("attention");
        var before = File.ReadAllLines(path);

        ManifestThresholds.Write(path, "cpu", Measured);

        var manifest = AssignmentManifest.Load(path);
        var cpu = manifest.Thresholds["cpu"];
        Assert.Equal((12.4, 1.1, 10.62, "a test's \"figures\""), (cpu.DevPerplexity, cpu.Margin, cpu.AtGradingSeed, cpu.Measured));
        Assert.Equal([(1UL, 11.14), (2UL, 11.2)], cpu.Seeds.Select(s => (s.Key, s.Value)).Order());
        // Everything before the thresholds (rubric, comments, profiles) is as it was.
        var after = File.ReadAllLines(path);
        var start = Array.IndexOf(before, "thresholds:");
        Assert.Equal(before[..start], after[..start]);
        Assert.Equal(Layout.Manifest("attention").Items.Select(i => i.Id), manifest.Items.Select(i => i.Id));
    }

    [Fact]
    public void ACommentInsideTheReplacedEntryIsKept()
    {
        var path = CopyOfManifest("attention");
        File.WriteAllText(path, File.ReadAllText(path).Replace("    margin: 1.1\n", "    margin: 1.1\n    # measured twice, same figures\n", StringComparison.Ordinal));

        ManifestThresholds.Write(path, "cpu", Measured);

        Assert.Contains("    # measured twice, same figures", File.ReadAllLines(path));
        Assert.Equal(12.4, AssignmentManifest.Load(path).Thresholds["cpu"].DevPerplexity);
    }

    [Fact]
    public void ANewProfileIsAddedBesideTheOthers()
    {
        var path = CopyOfManifest("attention");
        var cpu = AssignmentManifest.Load(path).Thresholds["cpu"];

        ManifestThresholds.Write(path, "gpu", Measured);

        var manifest = AssignmentManifest.Load(path);
        Assert.Equal(12.4, manifest.Thresholds["gpu"].DevPerplexity);
        Assert.Equal(cpu.DevPerplexity, manifest.Thresholds["cpu"].DevPerplexity);
        Assert.Null(manifest.WhyNotGradable("gpu"));
    }

    [Fact]
    public void AManifestWithoutThresholdsGetsTheSection()
    {
        var path = CopyOfManifest("sampling");

        ManifestThresholds.Write(path, "cpu", Measured);

        Assert.Equal(12.4, AssignmentManifest.Load(path).Thresholds["cpu"].DevPerplexity);
        Assert.Equal(File.ReadAllLines(Layout.ManifestPath("sampling")), File.ReadAllLines(path)[..File.ReadAllLines(Layout.ManifestPath("sampling")).Length]);
    }

    /// <summary>
    /// Calibrating reproduces the reference's figure at the grading seed exactly (the same training a correct
    /// submission is given) and sets the bar by the rule: the worst seed times the margin, rounded up.
    /// </summary>
    [Fact]
    public void CalibratingReproducesTheReferenceAndItsRule()
    {
        var manifest = Layout.Manifest("attention");
        var seen = new List<Checks.CalibratedSeed>();

        var calibration = new Calibrator(Layout).Run(manifest, "cpu", seeds: 1, margin: 1.1, seen.Add);

        Assert.Equal([1UL, 1234UL], seen.Select(s => s.Seed));
        Assert.Equal(manifest.Thresholds["cpu"].AtGradingSeed, calibration.AtGradingSeed);
        Assert.Equal(manifest.Thresholds["cpu"].Seeds[1], calibration.Seeds[1]);
        Assert.Equal(Math.Ceiling(Math.Round(seen[0].Perplexity * 1.1, 6) * 10) / 10, calibration.DevPerplexity);
        // The reference passes its own bar, with room for a correct solution written differently, but not so much that a bar means nothing.
        Assert.InRange(calibration.DevPerplexity, calibration.AtGradingSeed, calibration.AtGradingSeed * 1.3);
        Assert.Contains($"{Course.Kit.TrainingProfile.Cpu.Steps} AdamW steps of 32 × 64 tokens", calibration.Measured);
    }

    [Fact]
    public void ALayoutItDoesNotWriteIsRefusedAndLeftAlone()
    {
        var path = CopyOfManifest("sampling");
        File.AppendAllText(path, "thresholds: {cpu: {dev_perplexity: 9.9}}\n");
        var before = File.ReadAllText(path);

        var error = Assert.Throws<UserError>(() => ManifestThresholds.Write(path, "cpu", Measured));

        Assert.Contains("one block mapping", error.Message);
        Assert.Equal(before, File.ReadAllText(path));
    }

    [Fact]
    public void WindowsLineEndingsStayWindowsLineEndings()
    {
        var path = CopyOfManifest("attention");
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"));

        ManifestThresholds.Write(path, "cpu", Measured);

        var text = File.ReadAllText(path);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.Equal(12.4, AssignmentManifest.Load(path).Thresholds["cpu"].DevPerplexity);
    }

    [Fact]
    public void AnAssignmentThatGradesNoPerplexityHasNothingToCalibrate()
    {
        var error = Assert.Throws<UserError>(() => new Calibrator(Layout).Run(Layout.Manifest("sampling"), "cpu", seeds: 1, margin: 1.1, _ => { }));
        Assert.Contains("nothing to calibrate", error.Message);
    }

    private static string CopyOfManifest(string assignment)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "assignment.yaml");
        File.Copy(Layout.ManifestPath(assignment), path);
        return path;
    }
}
