using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>γ and β are the norm's only learnt values: they must be parameters the optimiser sees, starting at 1 and 0.</summary>
public sealed class ParameterChecks
{
    private const int D = 12;

    [Fact]
    public void GammaAndBetaAreRegisteredParameters()
    {
        var norm = WorkingNorm();
        foreach (var name in new[] { "gamma", "beta" })
        {
            var (_, parameter) = NamedParameter(norm, name);
            if (!parameter.Shape.SequenceEqual(new long[] { D }))
                throw new StudentFeedback($"Your {Norm}'s '{name}' has shape {Shapes.Show(parameter.Shape)} for d = {D}; the handout says (d): one value per feature.");
            if (!parameter.RequiresGrad)
                throw new StudentFeedback($"Your {Norm}'s '{name}' does not require a gradient, so it cannot be learnt.");
        }
    }

    [Fact]
    public void GammaStartsAtOneAndBetaAtZero()
    {
        var norm = WorkingNorm();
        foreach (var (name, start) in new[] { ("gamma", 1.0), ("beta", 0.0) })
        {
            var values = NamedParameter(norm, name).Value.to(float64);
            var worst = (values - start).abs().max().item<double>();
            if (worst != 0)
                throw new StudentFeedback(
                    $"A new {Norm}'s '{name}' holds values up to {worst:G3} away from {start}; it must start at {start} in every feature, " +
                    "so that a fresh layer norm only standardises (γ = 1, β = 0).");
        }
    }

    [Fact]
    public void AnOptimizerStepUpdatesGammaAndBeta()
    {
        var norm = WorkingNorm();
        var before = new[] { "gamma", "beta" }.ToDictionary(n => n, n => NamedParameter(norm, n).Value);
        norm.OptimizerStep(Inputs([4, 3, D], seed: 41, scale: 2.0), Inputs([4, 3, D], seed: 42), learningRate: 0.1, Norm);
        foreach (var (name, old) in before)
        {
            if (Compare.Identical(old, NamedParameter(norm, name).Value))
                throw new StudentFeedback(
                    $"One AdamW step over your {Norm}'s parameters() left '{name}' unchanged: it is not among the parameters the optimiser updates, or no gradient reaches it. " +
                    "Make it an nn.Parameter field, register it (RegisterComponents()) and use it in forward.");
        }
    }

    /// <summary>A fresh norm that has been run once, so an unfinished forward is reported as not implemented.</summary>
    private static ModuleUnderTest WorkingNorm()
    {
        var norm = Submission.Create(Norm, Config(D), seed: 40);
        norm.Forward(Inputs([2, D], seed: 40), Norm);
        return norm;
    }
}
