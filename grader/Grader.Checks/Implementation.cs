using System.Reflection;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks;

/// <summary>
/// One implementation of an assignment's API (the student's or the reference), found by type name,
/// so that both can be built from the same config and compared.
/// </summary>
public sealed class Implementation(Assembly assembly, string @namespace, string who)
{
    public string Who { get; } = who;

    public nn.Module<Tensor, Tensor> Create(string typeName, TransformerConfig config)
    {
        var fullName = $"{@namespace}.{typeName}";
        var type = assembly.GetType(fullName)
            ?? throw new StudentFeedback($"There is no public class {fullName} in {Who}; the handout's API names it exactly so.");
        var constructor = type.GetConstructor([typeof(TransformerConfig)])
            ?? throw new StudentFeedback($"{fullName} needs a public constructor {typeName}(TransformerConfig config).");
        var module = Student.Run($"Constructing {typeName}", () => constructor.Invoke([config]));
        return module as nn.Module<Tensor, Tensor>
            ?? throw new StudentFeedback($"{fullName} must derive from nn.Module<Tensor, Tensor>.");
    }

    /// <summary>Builds <paramref name="typeName"/> in both implementations with the reference's weights in both.</summary>
    public static (nn.Module<Tensor, Tensor> Submission, nn.Module<Tensor, Tensor> Reference) Pair(
        Implementation submission, Implementation reference, string typeName, TransformerConfig config, long seed)
    {
        manual_seed(seed);
        var referenceModule = reference.Create(typeName, config);
        var submissionModule = submission.Create(typeName, config);
        Weights.Copy(referenceModule, submissionModule, typeName);
        referenceModule.eval();
        submissionModule.eval();
        return (submissionModule, referenceModule);
    }
}
