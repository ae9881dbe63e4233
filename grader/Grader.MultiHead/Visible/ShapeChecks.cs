using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

public sealed class ShapeChecks
{
    [Fact]
    public void AttentionKeepsTheInputShape() =>
        ShapeCheck.KeepsTheInputShape(Submission, Models.Attention, "multi-head attention layer", ShapeConfigs,
            " Merge the heads back to (B, T, d) before the output projection.", EmptyRows);

    [Fact]
    public void AttentionWeightsHaveOneMatrixPerHead()
    {
        foreach (var (b, t, d, n) in ShapeGrid)
        {
            var attention = Submission.Create(Models.Attention, Config(d, n), seed: 2);
            attention.Eval();
            AttentionWeightsOf(attention, Inputs(b, t, d, seed: 2), n);
        }
    }

    [Fact]
    public void BlockKeepsTheInputShape() => ShapeCheck.KeepsTheInputShape(Submission, Block, "transformer block", ShapeConfigs, explained: EmptyRows);

    [Fact]
    public void LanguageModelGivesLogitsForEveryPosition() => ShapeCheck.LanguageModelGivesLogitsForEveryPosition(Submission, LanguageModel, ShapeConfigs, EmptyRows);

    [Fact]
    public void OneInstanceServesEverySequenceLength() =>
        ShapeCheck.OneInstanceServesEverySequenceLength(Submission, Models.Attention, "multi-head attention layer", Config(16, 4), [7, 3, 9, 1, 5], EmptyRows);
}
