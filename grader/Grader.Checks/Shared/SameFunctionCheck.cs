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
    /// <param name="explained">what explains NaN outputs when another item charges their cause</param>
    public static void Expect(
        Implementation submission, Implementation reference, string type, string what, TransformerConfig config, Tensor input,
        Tensor? targets = null, Action<ModuleUnderTest>? prepareReference = null, EmptyAttentionRows? explained = null)
    {
        var (student, instructors) = Implementation.Pair(submission, reference, type, config, seed: 17);
        if (prepareReference is not null)
        {
            prepareReference(instructors);
            Weights.Copy(instructors, student, type);
        }
        var expected = instructors.Forward(input, what);
        var actual = student.Forward(input, what);
        Compare.ExpectFinite(expected, actual, $"The output of your {what}", explained);
        var problem = Compare.Difference(expected, actual, $"The output of your {what}");
        if (problem is not null)
            throw new StudentFeedback(problem + " The reference's weights were loaded into your module, so the computation itself differs; " +
                (FirstDivergingPart(student, instructors, config, submission.Namespace) ?? "compare it with the handout's equations."));

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
            Compare.ExpectFinite(expectedGrads[name]!, grad, $"The gradient of {name}", explained);
            var gradProblem = Compare.Difference(expectedGrads[name]!, grad, $"The gradient of {name}");
            if (gradProblem is not null)
                throw new StudentFeedback(gradProblem + " The outputs match, so something breaks back-propagation (detach, an in-place edit, or a constant where a parameter belongs).");
        }
    }

    /// <summary>
    /// The smallest part of a composite module whose own output differs from the reference's part (same
    /// weights, same input), so that a mistake in code handed in from an earlier assignment is named where
    /// it is, not where it shows; null when no part can be told apart.
    /// </summary>
    private static string? FirstDivergingPart(ModuleUnderTest student, ModuleUnderTest reference, TransformerConfig config, string assignmentNamespace)
    {
        var differing = new List<(string Name, string Type)>();
        foreach (var name in reference.Children.Where(student.Children.Contains))
        {
            try
            {
                if (Differs(student.Child(name, "model"), reference.Child(name, "model"), config))
                    differing.Add((name, student.Child(name, "model").TypeName));
            }
            catch (Exception e) when (e is StudentFeedback or StudentCodeFailed)
            {
                differing.Add((name, "(it fails on its own)"));
            }
        }
        var part = differing.FirstOrDefault(d => !differing.Any(o => o.Name.StartsWith(d.Name + ".", StringComparison.Ordinal)));
        if (part == default)
            return null;
        var earlier = part.Type.StartsWith(assignmentNamespace + ".", StringComparison.Ordinal) ? "" : ", code handed in from an earlier assignment";
        return $"the first part that computes differently is {part.Name} (your {part.Type}{earlier}): with the same weights and input, its output differs from the reference's. Look there first.";
    }

    /// <summary>Runs both parts on an input of the kind the reference's part takes (features, else token ids); false when neither kind fits it.</summary>
    private static bool Differs(ModuleUnderTest student, ModuleUnderTest reference, TransformerConfig config)
    {
        Tensor[] inputs = [randn([2, 5, config.Width], generator: new Generator(19)), randint(0, config.VocabSize, [2, 5], generator: new Generator(19), dtype: int64)];
        foreach (var input in inputs)
        {
            Tensor expected;
            try
            {
                expected = reference.Forward(input, "part");
            }
            catch (InvalidOperationException)
            {
                continue;
            }
            return Compare.Difference(expected, student.Forward(input, "part"), "") is not null;
        }
        return false;
    }
}
