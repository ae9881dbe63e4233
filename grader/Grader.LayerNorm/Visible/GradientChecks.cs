using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// Back-propagates one fixed random projection of the output through the submission and through the
/// library's layer norm with the same γ and β: the gradients of the input, γ and β must agree.
/// </summary>
public sealed class GradientChecks
{
    private const int D = 20;

    [Fact]
    public void InputGradientMatchesTheLibrary()
    {
        var (expected, actual) = Gradients();
        if (actual.Input is null)
            throw new StudentFeedback($"No gradient reached the input of your {Norm}: the output depends on it only through something detached (detach(), no_grad() or item()).");
        var problem = Compare.Difference(expected.Input!, actual.Input, "The gradient with respect to the input");
        if (problem is not null)
            throw new StudentFeedback(problem +
                " The outputs match the library's, so something stops the gradient from flowing through μ or σ: a detach(), a computation under no_grad(), or a value taken out with item() and put back as a constant.");
    }

    [Fact]
    public void GammaAndBetaGradientsMatchTheLibrary()
    {
        var (expected, actual) = Gradients();
        foreach (var (name, e, a) in new[] { ("gamma", expected.Gamma, actual.Gamma), ("beta", expected.Beta, actual.Beta) })
        {
            if (a is null)
                throw new StudentFeedback($"Your {Norm}'s '{name}' received no gradient: use the parameter itself in forward (not a copy, not under no_grad()).");
            var problem = Compare.Difference(e!, a, $"The gradient of {name}");
            if (problem is not null)
                throw new StudentFeedback(problem + " ĥ = γ ⊙ x̂ + β: the gradient of γ is the sum over all vectors of upstream ⊙ x̂, that of β the sum of upstream.");
        }
    }

    private sealed record Grads(Tensor? Input, Tensor? Gamma, Tensor? Beta);

    private static (Grads Expected, Grads Actual) Gradients()
    {
        var (norm, gamma, beta) = NormWithAffine(D, seed: 31);
        var x = Inputs([2, 5, D], seed: 32, scale: 3.0, offset: 0.5);
        var projection = Inputs([2, 5, D], seed: 33);

        var libraryInput = x.clone().requires_grad_(true);
        var libraryGamma = gamma.clone().requires_grad_(true);
        var libraryBeta = beta.clone().requires_grad_(true);
        var expected = LibraryLayerNorm(libraryInput, libraryGamma, libraryBeta);
        (expected * projection).sum().backward();

        var pass = norm.BackwardOfProjection(x, projection, Norm, inputGradient: true);
        Compare.ExpectFinite(expected, pass.Output, $"Your {Norm}'s output");
        if (pass.InputGradient is not null)
            Compare.ExpectFinite(libraryInput.grad!, pass.InputGradient, "The gradient with respect to the input");
        if (Compare.Difference(expected, pass.Output, $"Your {Norm}'s output") is { } problem)
            throw new StudentFeedback(problem + " With the outputs apart, the gradients cannot match the library's either: fix the forward pass first (the normalisation item says more).");
        if (!pass.OutputRequiresGrad)
            throw new StudentFeedback($"Your {Norm}'s output does not require a gradient although its input does: the computation is cut off from autograd (no_grad() or detach()).");
        var grads = pass.ParameterGradients.ToDictionary(g => g.Name, g => g.Gradient);
        return (new Grads(libraryInput.grad, libraryGamma.grad, libraryBeta.grad),
                new Grads(pass.InputGradient, grads.GetValueOrDefault("gamma"), grads.GetValueOrDefault("beta")));
    }
}
