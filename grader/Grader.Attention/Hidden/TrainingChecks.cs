using Xunit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

/// <summary>The student's whole model, trained with the course's training loop (<see cref="TrainingCheck"/>).</summary>
public sealed class TrainingChecks
{
    [Fact]
    public void OverfitsOneBatch() =>
        TrainingCheck.OverfitsOneBatch(Submission, LanguageModel, heads: 1, "model", "normal with std InitStd, biases zero", EmptyRows);

    [Fact]
    public void ReachesTheDevPerplexityThreshold() =>
        TrainingCheck.ReachesTheDevPerplexityThreshold(ReferenceModel.Trained, "Dev perplexity after training",
            "look at the initialisation and at anything that blocks information flow (a missing residual, a wrong mask, a detached tensor).", EmptyRows);
}
