using GradingHost.Protocol;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The seam between the fine-tuning checks and the student's code: the handout's static methods, called in
/// the sandboxed worker, each answer checked for its shape before a check judges its values. A probe
/// model's own feedback (an input no language model takes) is reported before what the student's code
/// made of it.
/// </summary>
public sealed class FineTuningApi(Implementation submission)
{
    /// <summary>Training and the experiment may take minutes on a slow machine; the grading's own limit still applies.</summary>
    private static readonly TimeSpan TrainingLimit = TimeSpan.FromMinutes(5);

    public double Loss(StandInModel model, Tensor windows) =>
        Number(Call(model, TrainingClass, NextTokenLoss, [model.Argument, Argument.Of(windows)],
            $"{TrainingClass}.{NextTokenLoss} on windows {Shapes.Show(windows.shape)}", null));

    public double Perplexity(StandInModel model, long[] text, int contextLength) =>
        Number(Call(model, TrainingClass, Models.Perplexity, [model.Argument, Argument.Of(text), Argument.OfInt32(contextLength)],
            $"{TrainingClass}.{Models.Perplexity} on a text of {text.Length} tokens with contextLength = {contextLength}", null));

    /// <summary>The losses Train reports, one per step.</summary>
    public double[] Training(ModuleUnderTest model, long[] text, int steps, double learningRate, int batchSize, int contextLength, Argument generator) =>
        Call(null, TrainingClass, Train,
            [model.AsArgument(), Argument.Of(text), Argument.OfInt32(steps), Argument.Of(learningRate), Argument.OfInt32(batchSize), Argument.OfInt32(contextLength), generator],
            $"{TrainingClass}.{Train} for {steps} steps at learning rate {learningRate:G3}, batches of {batchSize} × {contextLength + 1} tokens", [steps], TrainingLimit)
            .data<double>().ToArray();

    /// <summary>[fine-tuning learning rate, fine-tuning steps, (a), (b), (c), Brown before, Brown after].</summary>
    public double[] Experiment(ModuleUnderTest pretrained, ModuleUnderTest fresh, Setup setup, Argument generator) =>
        Call(null, FineTuningClass, Run,
            [
                pretrained.AsArgument(), fresh.AsArgument(), Argument.Of(setup.ShakespeareTrain), Argument.Of(setup.ShakespeareDev), Argument.Of(setup.BrownDev),
                Argument.OfInt32(setup.Steps), Argument.Of(setup.LearningRate), Argument.OfInt32(setup.BatchSize), Argument.OfInt32(setup.ContextLength), generator,
            ],
            $"{FineTuningClass}.{Run} with steps = {setup.Steps}, learningRate = {setup.LearningRate:G3}", [7], TrainingLimit)
            .data<double>().ToArray();

    /// <summary>LoRA.Adapt: freezes the model and adds rank-r adapters to its attentions' query and value projections, in place.</summary>
    public void Adapt(ModuleUnderTest model, LoRASetup lora, Argument generator) =>
        submission.Invoke(LoRAClass, Models.Adapt, [model.AsArgument(), Argument.OfInt32(lora.Rank), Argument.Of(lora.Alpha), generator],
            $"{LoRAClass}.{Models.Adapt} with rank = {lora.Rank}, alpha = {lora.Alpha}");

    /// <summary>LoRA.Merge: folds every adapter into its projection, in place.</summary>
    public void Merge(ModuleUnderTest model) =>
        submission.Invoke(LoRAClass, Models.Merge, [model.AsArgument()], $"{LoRAClass}.{Models.Merge}");

    public Argument Generator(ulong seed) => submission.Generator(seed);

    private Tensor Call(StandInModel? model, string type, string method, IReadOnlyList<Argument> arguments, string doing, long[]? shape, TimeSpan? limit = null) =>
        submission.InvokeForNumbers(type, method, arguments, doing, shape, model?.Probe, limit);

    private static double Number(Tensor value) => value.flatten()[0].item<double>();
}
