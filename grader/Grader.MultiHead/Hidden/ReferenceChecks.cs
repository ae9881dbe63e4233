using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>With the reference's weights loaded into the submission, outputs and parameter gradients must agree (<see cref="SameFunctionCheck"/>).</summary>
public sealed class ReferenceChecks
{
    [Fact]
    public void AttentionMatchesTheReference()
    {
        foreach (var n in new[] { 2, 4, 8 })
            SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, Models.Attention, $"multi-head attention layer ({n} heads)", Config(24, n), Inputs(2, 7, 24, seed: 13), explained: EmptyRows);
    }

    [Fact]
    public void MlpMatchesTheReference() =>
        SameFunctionCheck.Expect(SubmissionMlp, ReferenceModel.Mlp, Mlp, "MLP", Config(20, 1), Inputs(2, 7, 20, seed: 14));

    [Fact]
    public void LanguageModelMatchesTheReference()
    {
        var config = Config(24, TrainingHeads);
        SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, LanguageModel, $"language model ({TrainingHeads} heads)", config,
            Tokens(2, 11, config.VocabSize, seed: 15), targets: Tokens(2, 11, config.VocabSize, seed: 16), explained: EmptyRows);
    }
}
