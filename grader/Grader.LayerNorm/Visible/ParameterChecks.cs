using GradingHost.Checks;
using TorchSharp;
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
            var parameter = NamedParameter(norm, name);
            if (!parameter.shape.SequenceEqual(new long[] { D }))
                throw new StudentFeedback($"Your {Norm}'s '{name}' has shape {Shapes.Show(parameter.shape)} for d = {D}; the handout says (d): one value per feature.");
            if (!parameter.requires_grad)
                throw new StudentFeedback($"Your {Norm}'s '{name}' does not require a gradient, so it cannot be learnt.");
        }
    }

    [Fact]
    public void GammaStartsAtOneAndBetaAtZero()
    {
        var norm = WorkingNorm();
        foreach (var (name, start) in new[] { ("gamma", 1.0), ("beta", 0.0) })
        {
            var values = NamedParameter(norm, name).detach().to(float64);
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
        var before = new[] { "gamma", "beta" }.ToDictionary(n => n, n => NamedParameter(norm, n).detach().clone());
        using var optimizer = optim.AdamW(norm.parameters(), lr: 0.1);
        optimizer.zero_grad();
        var output = Forward(norm, Inputs([4, 3, D], seed: 41, scale: 2.0), Norm);
        Student.Run($"Back-propagating through your {Norm}", () => (output * Inputs([4, 3, D], seed: 42)).sum().backward());
        optimizer.step();
        foreach (var (name, old) in before)
        {
            if (Compare.Identical(old, NamedParameter(norm, name).detach()))
                throw new StudentFeedback(
                    $"One AdamW step over your {Norm}'s parameters() left '{name}' unchanged: it is not among the parameters the optimiser updates, or no gradient reaches it. " +
                    "Make it an nn.Parameter field, register it (RegisterComponents()) and use it in forward.");
        }
    }

    /// <summary>A fresh norm that has been run once, so an unfinished forward is reported as not implemented.</summary>
    private static nn.Module<Tensor, Tensor> WorkingNorm()
    {
        var norm = Submission.Create(Norm, Config(D));
        using var _ = no_grad();
        Forward(norm, Inputs([2, D], seed: 40), Norm);
        return norm;
    }
}
