using Course.Kit;
using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// Train's steps equal the reference's. On a text of one repeated character every window is the same, so
/// the batches do not depend on how the windows are drawn, and three AdamW steps from the same weights at
/// the same learning rate must reach the same weights: gradients zeroed every step, the given rate, no
/// weight decay.
/// </summary>
public sealed class TrainingLoopChecks
{
    private const int Steps = 3, BatchSize = 4, ContextLength = 8;
    private const double LearningRate = 0.01;

    [Fact]
    public void ThreeStepsOnARepeatedCharacterMatchTheReference()
    {
        var config = new TransformerConfig(BrownCorpus.Instance.Vocabulary.Size, ContextLength: 16, Width: 16, Layers: 1, Heads: 2);
        var initial = ReferenceModel.Initial(config, seed: 9);
        var text = Enumerable.Repeat(BrownCorpus.Instance.Vocabulary.Encode("e")[0], 120).ToArray();

        var student = Model.Create(LanguageModel, config, seed: 9);
        student.Load(initial, "TinyLanguageModel");
        var losses = Submission.Training(student, text, Steps, LearningRate, BatchSize, ContextLength, Submission.Generator(1));
        if (losses.Any(l => !double.IsFinite(l)))
            throw new StudentCodeFailed($"{TrainingClass}.{Train} reported losses [{string.Join(", ", losses.Select(l => l.ToString("G4")))}]; they should be finite.");

        using var reference = ReferenceModel.Module(config, initial);
        var expectedLosses = Homework.FineTuning.LanguageModelTraining.Train(reference, text, Steps, LearningRate, BatchSize, ContextLength, new Generator(1)).data<double>();
        for (var step = 0; step < Steps; step++)
            if (!(Math.Abs(losses[step] - expectedLosses[step]) <= 1e-4 * expectedLosses[step]))
                throw new StudentFeedback(
                    $"{TrainingClass}.{Train} reported a loss of {losses[step]:G6} at step {step + 1} where the batch's NextTokenLoss before that step is {expectedLosses[step]:G6}: " +
                    "return each step's loss, in step order.");
        var expected = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach());
        foreach (var (name, value) in student.ParameterValues("TinyLanguageModel"))
            if (Compare.Difference(expected[name], value, $"Parameter {name} after {Steps} steps of your {Train}") is { } difference)
                throw new StudentFeedback(
                    $"{TrainingClass}.{Train}: {Steps} steps at learning rate {LearningRate} on a text of one repeated character (every window the same, so however they are drawn): {difference} " +
                    "Each step zeroes the gradients, back-propagates NextTokenLoss of one batch and takes one AdamW step with the given learning rate and weight decay 0.");
    }
}
