using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The extra credit's LoRA run, once per grading: the student's HW2 Q3 model with the pretrained weights,
/// adapted by their LoRA.Adapt and trained on Shakespeare by their own Train as <see cref="Setup.LoRA"/>
/// says. Adapt and Train get generators of the profile's seed, as the calibration's reference does.
/// </summary>
public static class LoRARun
{
    private const string What = "LoRA model";

    private static readonly PerGrading<LoRAResult> Result = new(Run);

    public static LoRAResult Value => Result.Value;

    private static LoRAResult Run()
    {
        var profile = SubmissionUnderTest.Profile;
        var setup = Setup.For(profile);
        var weights = ReferenceModel.Pretrained(profile);
        var model = Model.Create(LanguageModel, ReferenceModel.Config(profile), (long)profile.Seed);
        model.Load(weights, "pretrained TinyLanguageModel");
        var (_, added) = Adapters.Add(model, setup.LoRA, profile.Seed, What);

        Submission.Training(model, setup.ShakespeareTrain, setup.LoRA.Steps, setup.LoRA.LearningRate, setup.BatchSize, setup.ContextLength, Submission.Generator(profile.Seed));

        var after = model.ParameterValues(What).ToDictionary(p => p.Name, p => p.Value);
        var perplexity = Experiment.Measure(model, setup.ShakespeareDev, setup, What);
        return new LoRAResult(
            perplexity,
            weights.Where(p => !Adapters.Unchanged(after[p.Name], p.Value)).Select(p => p.Name).ToList(),
            added.Any(p => !Adapters.Unchanged(after[p.Name], p.Value)),
            added.Sum(p => p.Value.numel()),
            after.Values.Sum(v => v.numel()));
    }
}
