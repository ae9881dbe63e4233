using System.Diagnostics;
using Course.Kit;
using Homework.FineTuning;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The reference's LoRA run, in this trusted process, as <see cref="LoRARun"/> runs a submission's: the
/// pretrained weights, LoRA.Adapt and Train each given a generator of the seed. At the profile's seed it is
/// what a correct submission reaches; at other seeds it is what `gradinghost calibrate` sets the bar from.
/// </summary>
public sealed class ReferenceLoRA : ICalibratedTraining
{
    public static ReferenceLoRA Calibration { get; } = new();

    public CalibratedSeed Measure(TrainingProfile profile, ulong seed)
    {
        var setup = Setup.For(profile);
        var lora = setup.LoRA;
        using var model = ReferenceModel.Module(ReferenceModel.Config(profile), ReferenceModel.Pretrained(profile));
        var clock = Stopwatch.StartNew();
        LoRA.Adapt(model, lora.Rank, lora.Alpha, new Generator(seed));
        LanguageModelTraining.Train(model, setup.ShakespeareTrain, lora.Steps, lora.LearningRate, setup.BatchSize, setup.ContextLength, new Generator(seed));
        var seconds = clock.Elapsed.TotalSeconds;
        var perplexity = LanguageModelTraining.Perplexity(model, setup.ShakespeareDev, setup.ContextLength).item<double>();
        return new CalibratedSeed(seed, perplexity, (double)lora.Steps * setup.BatchSize * setup.ContextLength / seconds,
            $"LoRA (r = {lora.Rank}, α = {lora.Alpha:0.##} on W_Q and W_V) on the Brown-pretrained model, {lora.Steps} AdamW steps of " +
            $"{setup.BatchSize} × {setup.ContextLength + 1} Shakespeare characters at {lora.LearningRate:G3}, dev perplexity on the first {setup.ShakespeareDev.Length - 1}");
    }
}
