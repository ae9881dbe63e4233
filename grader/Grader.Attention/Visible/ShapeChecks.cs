using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

public sealed class ShapeChecks
{
    [Fact]
    public void AttentionKeepsTheInputShape() => ShapeCheck.KeepsTheInputShape(Submission, Models.Attention, "attention layer", ShapeConfigs, explained: EmptyRows);

    [Fact]
    public void BlockKeepsTheInputShape() => ShapeCheck.KeepsTheInputShape(Submission, Block, "transformer block", ShapeConfigs, explained: EmptyRows);

    [Fact]
    public void LanguageModelGivesLogitsForEveryPosition() => ShapeCheck.LanguageModelGivesLogitsForEveryPosition(Submission, LanguageModel, ShapeConfigs, EmptyRows);

    [Fact]
    public void OneInstanceServesEverySequenceLength() =>
        ShapeCheck.OneInstanceServesEverySequenceLength(Submission, Models.Attention, "attention layer", Config(16), [7, 3, 9, 1, 5], EmptyRows);
}
