using Course.Kit;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// With the reference's weights loaded into the submission, outputs and the gradient of every parameter
/// must agree within <see cref="Compare"/>'s tolerance. Shared by the graders' "matches the reference" items.
/// </summary>
public static class SameFunctionCheck
{
    /// <param name="targets">next-token targets for a language model (its loss is back-propagated); null: a fixed random projection of the output</param>
    /// <param name="prepareReference">changes the reference's weights before they are copied (e.g. γ and β away from 1 and 0)</param>
    public static void Expect(
        Implementation submission, Implementation reference, string type, string what, TransformerConfig config, Tensor input,
        Tensor? targets = null, Action<ModuleUnderTest>? prepareReference = null)
    {
        var (student, instructors) = Implementation.Pair(submission, reference, type, config, seed: 17);
        if (prepareReference is not null)
        {
            prepareReference(instructors);
            Weights.Copy(instructors, student, type);
        }
        var expected = instructors.Forward(input, what);
        var actual = student.Forward(input, what);
        var problem = Compare.Difference(expected, actual, $"The output of your {what}");
        if (problem is not null)
            throw new StudentFeedback(problem + " The reference's weights were loaded into your module, so the computation itself differs; compare it with the handout's equations.");

        // A fixed random projection makes the output a scalar whose gradient reaches every parameter.
        var projection = randn(expected.shape, generator: new Generator(18));
        GradientResult Pass(ModuleUnderTest module) => targets is null
            ? module.BackwardOfProjection(input, projection, what)
            : module.BackwardOfLoss(input, targets, what);
        var expectedGrads = Pass(instructors).ParameterGradients.ToDictionary(g => g.Name, g => g.Gradient);
        foreach (var (name, grad) in Pass(student).ParameterGradients)
        {
            if (grad is null)
                throw new StudentFeedback($"Parameter {name} of your {what} received no gradient: is it used in forward, and not behind detach() or no_grad()?");
            var gradProblem = Compare.Difference(expectedGrads[name]!, grad, $"The gradient of {name}");
            if (gradProblem is not null)
                throw new StudentFeedback(gradProblem + " The outputs match, so something breaks back-propagation (detach, an in-place edit, or a constant where a parameter belongs).");
        }
    }
}
