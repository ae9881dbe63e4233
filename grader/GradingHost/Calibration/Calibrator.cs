using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Course.Kit;
using GradingHost.Checks;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;

namespace GradingHost.Calibration;

/// <summary>
/// `gradinghost calibrate`: the grader's reference model (the one its training item grades) trained with a
/// profile at seeds 1..N and at the profile's own seed, in the grader's process (trusted code only; the
/// cache shared with gradings). The bar is the worst seed's dev perplexity times the margin, rounded up to
/// 0.1, so a correct submission, which trains exactly like the reference at the profile's seed, clears it
/// with room for another machine's rounding.
/// </summary>
public sealed class Calibrator(RepositoryLayout layout)
{
    public Checks.Manifest.Calibration Run(AssignmentManifest manifest, string profileName, int seeds, double margin, Action<CalibratedSeed> progress)
    {
        if (seeds < 1)
            throw new UserError("--seeds must be at least 1.");
        if (!(margin >= 1.0 && margin <= 2.0))
            throw new UserError($"--margin is a factor between 1 and 2 (1.10 allows ten per cent over the reference's worst seed); got {margin}.");
        if (!manifest.GradesPerplexity)
            throw new UserError($"No item of the {manifest.Id} assignment grades dev perplexity: there is nothing to calibrate.");
        var profile = TrainingProfile.Named(profileName);
        if (!manifest.Profiles.Contains(profile.Name))
            throw new UserError($"The {manifest.Id} assignment's manifest does not list the {profile.Name} profile; add it to `profiles:` first.");
        if (profile.Name != TrainingProfile.Cpu.Name && !TorchSharp.torch.cuda.is_available())
            throw new UserError($"The {profile.Name} profile is the homework's GPU configuration ({profile.Steps} steps at width {profile.Width}), and this build of " +
                                "TorchSharp sees no CUDA device: calibrate it on a CUDA machine with `-p:TorchBackend=cuda` (README, \"Profiles and their bars\").");

        // Seeds 1..N other than the grading seed, which is measured once, on its own, as every grading trains.
        var others = Enumerable.Range(1, seeds).Select(s => (ulong)s).Where(s => s != profile.Seed).ToList();
        var measured = Measure(manifest, profile, [.. others, profile.Seed], progress);
        var atSeeds = measured.Where(m => m.Seed != profile.Seed).ToList();
        var atGradingSeed = measured.Single(m => m.Seed == profile.Seed).Perplexity;
        if (atSeeds.Count == 0)
            throw new UserError($"--seeds {seeds} leaves no seed besides the grading seed ({profile.Seed}); use at least 2.");
        if (measured.Any(m => !double.IsFinite(m.Perplexity)))
            throw new UserError($"Calibrating {manifest.Id}: the reference's dev perplexity is not finite at some seed ({string.Join(", ", measured.Select(m => $"{m.Seed}: {m.Perplexity}"))}); fix the reference first.");
        var worst = atSeeds.Max(m => m.Perplexity);
        var calibration = new Checks.Manifest.Calibration
        {
            DevPerplexity = Math.Ceiling(Math.Round(worst * margin, 6) * 10) / 10,
            Margin = margin,
            AtGradingSeed = Math.Round(atGradingSeed, 2),
            Seeds = atSeeds.ToDictionary(m => m.Seed, m => Math.Round(m.Perplexity, 2)),
            Measured = $"reference, {measured[0].Training ?? $"{profile.Steps} AdamW steps of {profile.BatchSize} × {profile.ContextLength} tokens"}, libtorch on one thread, " +
                       $"{DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores ({ThisMachine.Cpu}), {typeof(TorchSharp.torch).Assembly.GetName().Name} " +
                       $"{typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)}",
        };
        MustClearItsOwnBar(manifest, calibration);
        return calibration;
    }

    private static void MustClearItsOwnBar(AssignmentManifest manifest, Checks.Manifest.Calibration calibration)
    {
        if (calibration.AtGradingSeed >= calibration.DevPerplexity)
            throw new UserError($"Calibrating {manifest.Id}: the reference reaches {calibration.AtGradingSeed} at the grading seed, above the bar {calibration.DevPerplexity} " +
                                "its other seeds give: a correct submission would fail. Use more seeds or a larger margin.");
    }

    private List<CalibratedSeed> Measure(AssignmentManifest manifest, TrainingProfile profile, IReadOnlyList<ulong> seeds, Action<CalibratedSeed> progress)
    {
        var start = CheckerProcess.StartInfo(layout.GraderAssembly(manifest),
            [ResidentChecker.CalibrateFlag, profile.Name, .. seeds.Select(s => s.ToString(CultureInfo.InvariantCulture))]);
        start.Environment[ArtifactCache.Variable] = layout.CacheDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var measured = new List<CalibratedSeed>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (!line.StartsWith('{'))
                continue;
            var seed = JsonSerializer.Deserialize<CalibratedSeed>(line) ?? throw new InvalidDataException($"The grader answered '{line}'.");
            measured.Add(seed);
            progress(seed);
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || measured.Count != seeds.Count)
            throw new UserError($"Calibrating {manifest.Id} failed (the grader exited with {process.ExitCode}): {errors.Result.Trim()}");
        return measured;
    }
}
