using System.Collections.Concurrent;
using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>The instructors' implementations and the pretrained model, which only the hidden checks (never the public ones) may use.</summary>
public static class ReferenceModel
{
    /// <summary>HW2 Q3's reference, built in this process through the same worker service as a submission's.</summary>
    public static Implementation MultiHead { get; } = Implementation.Reference(typeof(Homework.MultiHead.TinyLanguageModel), Models.MultiHeadNamespace);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Name, Tensor Value)>> PretrainedWeights = new();

    /// <summary>The pretrained model's configuration: the profile's, with the multi-head assignment's 4 heads.</summary>
    public static TransformerConfig Config(TrainingProfile profile) => profile.ModelConfig(BrownCorpus.Instance.Vocabulary.Size, Models.Heads);

    /// <summary>
    /// The weights every submission fine-tunes: the reference TinyLanguageModel trained on Brown with the
    /// profile, as the multi-head grader trains it (the same cache entry), in this trusted process.
    /// </summary>
    public static IReadOnlyList<(string Name, Tensor Value)> Pretrained(TrainingProfile profile) =>
        PretrainedWeights.GetOrAdd(profile.Name, _ =>
        {
            var model = MultiHead.Create(Models.LanguageModel, Config(profile), (long)profile.Seed);
            TrainedModels.TrainInstructorModel(model, profile, BrownCorpus.Instance);
            return model.ParameterValues("pretrained model");
        });

    /// <summary>The reference's TinyLanguageModel as a plain module of this process, holding <paramref name="weights"/>.</summary>
    public static Homework.MultiHead.TinyLanguageModel Module(TransformerConfig config, IEnumerable<(string Name, Tensor Value)> weights)
    {
        var module = new Homework.MultiHead.TinyLanguageModel(config);
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using (no_grad())
            foreach (var (name, value) in weights)
                parameters[name].copy_(value);
        module.eval();
        return module;
    }

    /// <summary>A freshly initialised reference module's weights, from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<(string Name, Tensor Value)> Initial(TransformerConfig config, long seed)
    {
        manual_seed(seed);
        using var module = new Homework.MultiHead.TinyLanguageModel(config);
        return module.named_parameters().Select(p => (p.name, p.parameter.detach().clone())).ToList();
    }
}
