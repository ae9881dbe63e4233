using System.Reflection;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// The assignment's three static methods in one implementation, found by name and signature. Calls
/// go through <see cref="Student.Run{T}"/>, so whatever they throw becomes feedback with file and line.
/// </summary>
public sealed class SamplingApi(Assembly assembly, string who)
{
    private readonly Lazy<Func<Tensor, double, Generator?, Tensor>> _temperature = new(() =>
        Find<Func<Tensor, double, Generator?, Tensor>>(assembly, who, Models.Sampler, Models.SampleWithTemperature,
            "Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null)"));

    private readonly Lazy<Func<Tensor, double, double, Generator?, Tensor>> _nucleus = new(() =>
        Find<Func<Tensor, double, double, Generator?, Tensor>>(assembly, who, Models.Sampler, Models.SampleNucleus,
            "Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null)"));

    private readonly Lazy<Func<nn.Module<Tensor, Tensor>, long[], int, int, Func<Tensor, Tensor>, long?, long[]>> _generate = new(() =>
        Find<Func<nn.Module<Tensor, Tensor>, long[], int, int, Func<Tensor, Tensor>, long?, long[]>>(assembly, who, Models.Generation, Models.Generate,
            "long[] Generate(nn.Module<Tensor, Tensor> model, long[] prompt, int maxNewTokens, int contextLength, Func<Tensor, Tensor> sample, long? endOfText = null)"));

    /// <summary>The method itself, not wrapped, for checks that expect it to throw.</summary>
    public Func<Tensor, double, Generator?, Tensor> RawTemperature => _temperature.Value;

    /// <summary>The method itself, not wrapped, for checks that expect it to throw.</summary>
    public Func<Tensor, double, double, Generator?, Tensor> RawNucleus => _nucleus.Value;

    public Tensor SampleWithTemperature(Tensor logits, double temperature, Generator? generator = null) =>
        Student.Run($"Calling {Models.Sampler}.{Models.SampleWithTemperature} on logits {Shapes.Show(logits.shape)} with τ = {temperature:G4}",
            () => _temperature.Value(logits, temperature, generator));

    public Tensor SampleNucleus(Tensor logits, double p, double temperature = 1.0, Generator? generator = null) =>
        Student.Run($"Calling {Models.Sampler}.{Models.SampleNucleus} on logits {Shapes.Show(logits.shape)} with p = {p:G4}, τ = {temperature:G4}",
            () => _nucleus.Value(logits, p, temperature, generator));

    public long[] Generate(nn.Module<Tensor, Tensor> model, long[] prompt, int maxNewTokens, int contextLength, Func<Tensor, Tensor> sample, long? endOfText = null) =>
        Student.Run($"Calling {Models.Generation}.{Models.Generate} with a prompt of {prompt.Length} tokens, maxNewTokens = {maxNewTokens}, contextLength = {contextLength}",
            () => _generate.Value(model, prompt, maxNewTokens, contextLength, sample, endOfText));

    private static T Find<T>(Assembly assembly, string who, string typeName, string methodName, string signature) where T : Delegate
    {
        var fullName = $"{Models.Namespace}.{typeName}";
        var type = assembly.GetType(fullName)
            ?? throw new StudentFeedback($"There is no public class {fullName} in {who}; the handout's API names it exactly so.");
        var invoke = typeof(T).GetMethod("Invoke")!;
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static, invoke.GetParameters().Select(p => p.ParameterType).ToArray());
        if (method is null || method.ReturnType != invoke.ReturnType)
            throw new StudentFeedback($"{fullName} needs the method public static {signature}, as the starter declares it.");
        return method.CreateDelegate<T>();
    }
}
