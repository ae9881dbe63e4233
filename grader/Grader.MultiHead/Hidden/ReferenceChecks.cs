using Course.Kit;
using GradingHost.Checks;
using TorchSharp;
using Xunit;
using static GradingHost.Checks.MultiHead.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// With the reference's weights loaded into the submission, outputs and the gradient of every
/// parameter must agree within <see cref="Compare"/>'s tolerance.
/// </summary>
public sealed class ReferenceChecks
{
    [Fact]
    public void AttentionMatchesTheReference()
    {
        foreach (var n in new[] { 2, 4, 8 })
            ExpectSameFunction(Submission, ReferenceModel.Implementation, Models.Attention, $"multi-head attention layer ({n} heads)", Config(24, n),
                m => Forward(m, Inputs(2, 7, 24, seed: 13), $"multi-head attention layer ({n} heads)"));
    }

    [Fact]
    public void MlpMatchesTheReference() =>
        ExpectSameFunction(SubmissionMlp, ReferenceModel.Mlp, Mlp, "MLP", Config(20, 1), m => Forward(m, Inputs(2, 7, 20, seed: 14), "MLP"));

    [Fact]
    public void LanguageModelMatchesTheReference()
    {
        var config = Config(24, TrainingHeads);
        var tokens = Tokens(2, 11, config.VocabSize, seed: 15);
        var targets = Tokens(2, 11, config.VocabSize, seed: 16);
        ExpectSameFunction(Submission, ReferenceModel.Implementation, LanguageModel, $"language model ({TrainingHeads} heads)", config,
            m => Forward(m, tokens, "language model"), logits => LanguageModeling.Loss(logits, targets));
    }

    private static void ExpectSameFunction(
        Implementation student, Implementation instructors, string type, string what, TransformerConfig config,
        Func<nn.Module<Tensor, Tensor>, Tensor> run, Func<Tensor, Tensor>? loss = null)
    {
        var (submission, reference) = Implementation.Pair(student, instructors, type, config, seed: 17);
        var expected = run(reference);
        var actual = run(submission);
        var problem = Compare.Difference(expected, actual, $"The output of your {what}");
        if (problem is not null)
            throw new StudentFeedback(problem + " The reference's weights were loaded into your module, so the computation itself differs; compare it with the handout's equations.");

        // A fixed random projection makes the output a scalar whose gradient reaches every parameter.
        var projection = randn(expected.shape, generator: new Generator(18));
        Tensor Objective(Tensor output) => loss?.Invoke(output) ?? (output.to(float32) * projection).sum();
        Objective(expected).backward();
        Student.Run($"Back-propagating through your {what}", () => Objective(actual).backward());

        var expectedGrads = reference.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad);
        foreach (var (name, parameter) in submission.named_parameters())
        {
            var grad = parameter.grad;
            if (grad is null)
                throw new StudentFeedback($"Parameter {name} of your {what} received no gradient: is it used in forward, and not behind detach() or no_grad()?");
            var gradProblem = Compare.Difference(expectedGrads[name]!, grad, $"The gradient of {name}");
            if (gradProblem is not null)
                throw new StudentFeedback(gradProblem + " The outputs match, so something breaks back-propagation (detach, an in-place edit, or a constant where a parameter belongs).");
        }
    }
}
