using Xunit;
using static GradingHost.Checks.LayerNorm.Models;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The whole model with the reference's weights (γ and β moved away from 1 and 0) loaded into the
/// submission: logits and every parameter's gradient of the loss must agree (<see cref="SameFunctionCheck"/>).
/// </summary>
public sealed class LanguageModelChecks
{
    [Fact]
    public void LanguageModelMatchesTheReference()
    {
        var config = Config(24);
        SameFunctionCheck.Expect(Submission, ReferenceModel.Implementation, LanguageModel, "language model", config,
            Tokens(2, 11, config.VocabSize, seed: 72), targets: Tokens(2, 11, config.VocabSize, seed: 73),
            prepareReference: reference => PerturbNorms(reference, 74, 0.3, "language model"), explained: EmptyRows);
    }
}
