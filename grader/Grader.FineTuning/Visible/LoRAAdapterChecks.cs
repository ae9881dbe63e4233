using Course.Kit;
using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// LoRA.Adapt on your own HW2 Q3 model, freshly initialised (no reference is involved): B = 0 keeps the
/// output, and only rank-r adapters on W_Q and W_V train, r·(in + out) numbers each, the pretrained weights
/// frozen through an optimizer step.
/// </summary>
public sealed class LoRAAdapterChecks
{
    private static readonly TransformerConfig Config = new(BrownCorpus.Instance.Vocabulary.Size, ContextLength: 16, Width: 16, Layers: 2, Heads: 2);
    private static readonly LoRASetup Lora = new(Rank: 2, Alpha: 4, Steps: 1, LearningRate: 1e-2);
    private const string What = "TinyLanguageModel";

    [Fact]
    public void AdaptingKeepsTheOutputWithFullRankAdapters()
    {
        var model = Model.Create(LanguageModel, Config, seed: 5);
        model.Eval();
        var tokens = Tokens()[.., ..^1];
        var before = model.Forward(tokens, What);
        var (_, added) = Adapters.Add(model, Lora, seed: 3, What);
        var after = model.Forward(tokens, What);
        if (Compare.Difference(before, after, $"The logits after {LoRAClass}.{Adapt}") is { } difference)
            throw new StudentFeedback(
                $"{difference} Right after adapting, the model computes exactly what it did: each adapter adds (α/r)·B A x with B = 0 (A drawn at random), " +
                "so fine-tuning starts from the pretrained model.");
        // Whichever factor starts random, a rank below r caps the update's rank for good (rows that copy each other stay parallel under B's updates).
        foreach (var (name, value) in added.Where(p => p.Value.dim() == 2 && p.Value.abs().max().item<float>() > 0))
        {
            var rank = linalg.matrix_rank(value.to(float64)).item<long>();
            if (rank < Math.Min(value.shape[0], value.shape[1]))
                throw new StudentFeedback(
                    $"After {LoRAClass}.{Adapt} with r = {Lora.Rank}, the adapter matrix {name} {Shapes.Show(value.shape)} starts with rank {rank}: its rows are not independent, " +
                    "so the update (α/r)·B A can never reach rank r. Draw every entry of A independently (uniform on ±1/√in).");
        }
    }

    [Fact]
    public void OnlyTheQueryAndValueAdaptersTrain()
    {
        var model = Model.Create(LanguageModel, Config, seed: 5);
        var (pretrained, added) = Adapters.Add(model, Lora, seed: 3, What);
        var frozen = pretrained.Select(p => p.Name).ToHashSet();
        var tokens = Tokens();
        var gradients = model.BackwardOfLoss(tokens[.., ..^1], tokens[.., 1..], What).ParameterGradients;
        if (gradients.FirstOrDefault(g => g.Gradient is not null && frozen.Contains(g.Name)) is { Name: { } unfrozen })
            throw new StudentFeedback(
                $"After {LoRAClass}.{Adapt}, the pretrained weight {unfrozen} still receives a gradient: freeze every pretrained parameter (requires_grad_(false)) so that only the adapters train.");
        var trainable = gradients.Where(g => g.Gradient is not null).ToList();
        var count = trainable.Sum(g => g.Gradient!.numel());
        var expected = Lora.TrainableParameters(Config);
        if (count != expected)
            throw new StudentFeedback(
                $"After {LoRAClass}.{Adapt} with r = {Lora.Rank} on a model of {Config.Layers} blocks and width d = {Config.Width}, {count:N0} numbers train " +
                $"({string.Join(", ", trainable.Select(g => $"{g.Name} {Shapes.Show(g.Gradient!.shape)}"))}); " +
                $"adapters on W_Q and W_V of every block train 2 · {Config.Layers} · r · (d + d) = {expected:N0}: A is (r, in) and B is (out, r), " +
                $"and {added.Count} new parameters were added in all.");

        model.OptimizerStep(tokens[.., ..^1], ones(tokens.shape[0], tokens.shape[1] - 1, Config.VocabSize), Lora.LearningRate, What);
        var after = model.ParameterValues(What).ToDictionary(p => p.Name, p => p.Value);
        foreach (var (name, value) in pretrained)
            if (!Adapters.Unchanged(after[name], value))
                throw new StudentFeedback(
                    $"After {LoRAClass}.{Adapt} and one AdamW step over parameters(), the pretrained weight {name} changed: a frozen weight never moves.");
    }

    /// <summary>Two sequences of 17 characters: the inputs are the first 16, the targets the last 16.</summary>
    private static Tensor Tokens() => tensor(Definitions.Text(2 * 17, seed: 8), [2, 17]);
}
