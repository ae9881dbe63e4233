using GradingHost.Checks.Manifest;
using Xunit;
using static GradingHost.Checks.FineTuning.Models;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// LoRA fine-tuning learns: the pretrained model with the student's adapters, trained by their Train as
/// the grader sets it (r, α, steps and rate all given), keeps its pretrained weights and reaches the
/// profile's calibrated Shakespeare dev bar (assignment.yaml, `gradinghost calibrate`).
/// </summary>
public sealed class LoRATrainingChecks
{
    [Fact]
    public void ReachesTheDevPerplexityThreshold()
    {
        var profile = SubmissionUnderTest.Profile;
        var lora = Setup.For(profile).LoRA;
        var bar = ManifestLocation.ForThisGrader.DevPerplexityBar(profile.Name);
        var run = LoRARun.Value;
        var setting = $"r = {lora.Rank}, α = {lora.Alpha:0.##} on W_Q and W_V, {lora.Steps} steps at learning rate {lora.LearningRate:G3}";
        ReportArtifacts.Measurement("LoRA: Shakespeare dev perplexity", $"{run.Perplexity:0.###} (bar: ≤ {bar:0.###}, {profile.Name} profile; {setting})");
        if (run.PretrainedMoved.Count > 0)
            throw new StudentFeedback(
                $"After LoRA training ({setting}), {run.PretrainedMoved.Count} pretrained weights changed, {run.PretrainedMoved[0]} first: " +
                $"{LoRAClass}.{Adapt} freezes them (requires_grad_(false)) and only the adapters train.");
        if (!double.IsFinite(run.Perplexity))
            throw new StudentCodeFailed($"After LoRA training ({setting}) your model's Shakespeare dev perplexity is {run.Perplexity}: look for values that grow without bound in the adapters.");
        if (!(run.Perplexity <= bar))
            throw new StudentFeedback(
                $"After LoRA training ({setting}) your model's Shakespeare dev perplexity is {run.Perplexity:0.###}; the bar is ≤ {bar:0.###}. " +
                (run.AdaptersMoved
                    ? "Check the adapters' scale (α/r) and A's initialisation (uniform on ±1/√in, B = 0)."
                    : "Your adapters did not change at all during training: with A = 0 and B = 0 every gradient of either is zero; draw A at random and start B at zero."));
    }
}
