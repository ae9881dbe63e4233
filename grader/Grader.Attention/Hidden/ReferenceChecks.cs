using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

/// <summary>With the reference's weights loaded into the submission, outputs and parameter gradients must agree (<see cref="SameFunctionCheck"/>).</summary>
public sealed class ReferenceChecks
{
    [Fact]
    public void AttentionMatchesTheReference() =>
        SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, Models.Attention, "attention layer", Config(20), Inputs(2, 7, 20, seed: 13), explained: EmptyRows);

    [Fact]
    public void MlpMatchesTheReference() =>
        SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, Models.Mlp, "MLP", Config(20), Inputs(2, 7, 20, seed: 14));

    [Fact]
    public void LanguageModelMatchesTheReference()
    {
        var config = Config(24);
        SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, LanguageModel, "language model", config,
            Tokens(2, 11, config.VocabSize, seed: 15), targets: Tokens(2, 11, config.VocabSize, seed: 16), explained: EmptyRows);
    }
}
