using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

public sealed class ShapeChecks
{
    [Fact]
    public void AttentionKeepsTheInputShape() => ShapeCheck.KeepsTheInputShape(Submission, Models.Attention, "attention layer", ShapeConfigs);

    [Fact]
    public void BlockKeepsTheInputShape() => ShapeCheck.KeepsTheInputShape(Submission, Block, "transformer block", ShapeConfigs);

    [Fact]
    public void LanguageModelGivesLogitsForEveryPosition() => ShapeCheck.LanguageModelGivesLogitsForEveryPosition(Submission, LanguageModel, ShapeConfigs);
}
