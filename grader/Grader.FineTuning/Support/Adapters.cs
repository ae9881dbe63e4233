using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The student's LoRA.Adapt on a model in the worker, and what it added: the parameters whose names the
/// model did not have before. The pretrained weights must keep their names (so a merged model is a plain
/// Q3 model again); every check that compares them relies on that and says so when it is not the case.
/// </summary>
public static class Adapters
{
    /// <returns>the model's parameters before Adapt, and the adapters' parameters with their values right after it</returns>
    public static (IReadOnlyList<(string Name, Tensor Value)> Pretrained, IReadOnlyList<(string Name, Tensor Value)> Added) Add(
        ModuleUnderTest model, LoRASetup lora, ulong seed, string what)
    {
        var pretrained = model.ParameterValues(what);
        var names = pretrained.Select(p => p.Name).ToHashSet();
        Submission.Adapt(model, lora, Submission.Generator(seed));
        var after = model.ParameterValues(what);
        if (names.FirstOrDefault(name => after.All(p => p.Name != name)) is { } renamed)
            throw new StudentFeedback(
                $"After {LoRAClass}.{Adapt}, your {what} has no parameter named '{renamed}' any more: keep the pretrained weights where they are, under their names, " +
                "and register each adapter's A and B beside them (for example as query_lora), so that a merged model loads into a plain HW2 Q3 model.");
        var added = after.Where(p => !names.Contains(p.Name)).ToList();
        if (added.Count == 0)
            throw new StudentFeedback(
                $"{LoRAClass}.{Adapt} added no parameter to your {what}: register each adapter (register_module, or a field set before RegisterComponents) " +
                "so that parameters() and the optimizer see its A and B.");
        return (pretrained, added);
    }

    /// <summary>Bit for bit: a frozen weight is not even rounded differently.</summary>
    public static bool Unchanged(Tensor now, Tensor before) => now.shape.SequenceEqual(before.shape) && now.eq(before).all().item<bool>();
}
