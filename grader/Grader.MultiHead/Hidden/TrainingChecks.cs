using Xunit;
using static GradingHost.Checks.MultiHead.Models;

namespace GradingHost.Checks.MultiHead;

/// <summary>The student's whole model with <see cref="Models.TrainingHeads"/> heads, trained with the course's training loop (<see cref="TrainingCheck"/>).</summary>
public sealed class TrainingChecks
{
    [Fact]
    public void OverfitsOneBatch() =>
        TrainingCheck.OverfitsOneBatch(Submission, LanguageModel, TrainingHeads, $"{TrainingHeads}-head model", "normal with std InitStd, biases zero", EmptyRows);

    [Fact]
    public void ReachesTheDevPerplexityThreshold() =>
        TrainingCheck.ReachesTheDevPerplexityThreshold(ReferenceModel.Trained, $"Dev perplexity after training ({TrainingHeads} heads)",
            "look at the initialisation and at anything that blocks information flow (a missing residual, a wrong mask, a detached tensor).", EmptyRows);
}
