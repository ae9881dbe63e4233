using System.Collections.Concurrent;
using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>The reference's HW2 Q5 protocol, run once per checker and profile in this trusted process: the report's baseline and its loss curves.</summary>
public sealed record ReferenceProtocol(
    double[] FromScratchLosses, double[] FineTuningLosses, double FromScratch, double FineTuned, double Unadapted, double BrownBefore, double BrownAfter, double LoRA)
{
    private static readonly ConcurrentDictionary<string, ReferenceProtocol> Runs = new();

    public static ReferenceProtocol Value => Runs.GetOrAdd(SubmissionUnderTest.Profile.Name, _ => Run(SubmissionUnderTest.Profile));

    private static ReferenceProtocol Run(TrainingProfile profile)
    {
        var setup = Setup.For(profile);
        var config = ReferenceModel.Config(profile);
        using var fresh = ReferenceModel.Module(config, ReferenceModel.Initial(config, (long)profile.Seed));
        using var pretrained = ReferenceModel.Module(config, ReferenceModel.Pretrained(profile));
        using var generator = new Generator(profile.Seed);
        var t = setup.ContextLength;
        var unadapted = Homework.FineTuning.LanguageModelTraining.Perplexity(pretrained, setup.ShakespeareDev, t).item<double>();
        var brownBefore = Homework.FineTuning.LanguageModelTraining.Perplexity(pretrained, setup.BrownDev, t).item<double>();
        var scratchLosses = Homework.FineTuning.LanguageModelTraining.Train(fresh, setup.ShakespeareTrain, setup.Steps, setup.LearningRate, setup.BatchSize, t, generator);
        var fineTuningLosses = Homework.FineTuning.LanguageModelTraining.Train(pretrained, setup.ShakespeareTrain, setup.Steps / 3, setup.LearningRate / 3, setup.BatchSize, t, generator);
        return new ReferenceProtocol(
            scratchLosses.data<double>().ToArray(), fineTuningLosses.data<double>().ToArray(),
            Homework.FineTuning.LanguageModelTraining.Perplexity(fresh, setup.ShakespeareDev, t).item<double>(),
            Homework.FineTuning.LanguageModelTraining.Perplexity(pretrained, setup.ShakespeareDev, t).item<double>(),
            unadapted,
            brownBefore,
            Homework.FineTuning.LanguageModelTraining.Perplexity(pretrained, setup.BrownDev, t).item<double>(),
            ReferenceLoRA.Calibration.Measure(profile, profile.Seed).Perplexity);
    }
}
