using Xunit;
using static GradingHost.Checks.LayerNorm.Models;

namespace GradingHost.Checks.LayerNorm;

/// <summary>The student's whole model with layer norm, trained with the course's training loop (<see cref="TrainingCheck"/>).</summary>
public sealed class TrainingChecks
{
    [Fact]
    public void OverfitsOneBatch() =>
        TrainingCheck.OverfitsOneBatch(Submission, LanguageModel, heads: 1, "model", "normal with std InitStd, biases zero, γ = 1, β = 0", EmptyRows);

    [Fact]
    public void ReachesTheDevPerplexityThreshold() =>
        TrainingCheck.ReachesTheDevPerplexityThreshold(ReferenceModel.Trained, "Dev perplexity after training",
            "look at the initialisation and at anything that blocks information flow (a missing residual, a norm that wipes out its input, a detached tensor).", EmptyRows);
}
