using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The whole model with the reference's weights (γ and β moved away from 1 and 0) loaded into the
/// submission: logits, loss gradients and every parameter's gradient must agree.
/// </summary>
public sealed class LanguageModelChecks
{
    [Fact]
    public void LanguageModelMatchesTheReference()
    {
        var config = Config(24);
        var (submission, reference) = Implementation.Pair(Submission, ReferenceModel.Implementation, LanguageModel, config, seed: 71);
        MoveNormsAwayFromTheirStart(reference);
        Weights.Copy(reference, submission, LanguageModel);
        var tokens = Tokens(2, 11, config.VocabSize, seed: 72);
        var targets = Tokens(2, 11, config.VocabSize, seed: 73);

        var expected = reference.forward(tokens);
        var actual = Forward(submission, tokens, "language model");
        var problem = Compare.Difference(expected, actual, "The logits of your language model");
        if (problem is not null)
            throw new StudentFeedback(problem + " The reference's weights were loaded into your model, so the computation differs: " +
                "logits = LMHead(blocks(E_tok[idx] + E_pos[0..T))), with the handout's block.");

        LanguageModeling.Loss(expected, targets).backward();
        Student.Run("Back-propagating through your language model", () => LanguageModeling.Loss(actual, targets).backward());
        var expectedGrads = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        foreach (var (name, parameter) in submission.named_parameters())
        {
            var grad = parameter.grad
                ?? throw new StudentFeedback($"Parameter {name} of your language model received no gradient: is it used in forward, and not behind detach() or no_grad()?");
            var gradProblem = Compare.Difference(expectedGrads[name]!, grad, $"The gradient of {name}");
            if (gradProblem is not null)
                throw new StudentFeedback(gradProblem + " The logits match, so something breaks back-propagation (detach, an in-place edit, or a constant where a parameter belongs).");
        }
    }

    private static void MoveNormsAwayFromTheirStart(nn.Module model)
    {
        var generator = new Generator(74);
        using var _ = no_grad();
        foreach (var (_, parameter) in model.named_parameters().Where(p => p.name.EndsWith(".gamma") || p.name.EndsWith(".beta")))
            parameter.add_(randn(parameter.shape, generator: generator) * 0.3);
    }
}
