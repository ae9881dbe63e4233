using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The dev perplexity of the attention assignment's reference (no layer norm) trained with a profile.
/// Training costs seconds to minutes, so the figure is cached (<see cref="ArtifactCache"/>) under a hash of
/// everything that determines it: the reference and kit assemblies, the corpus and the profile.
/// </summary>
public static class BaselineWithoutLayerNorm
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        var key = ArtifactCache.Key(
            [ReferenceModel.WithoutLayerNormAssembly.Location, typeof(TrainingProfile).Assembly.Location, CourseData.PathOf("brown-train.txt"), CourseData.PathOf("brown-dev.txt")],
            profile.ToString());
        return ArtifactCache.Number($"layernorm-baseline-{key}.txt", () =>
        {
            manual_seed((long)profile.Seed);
            var model = ReferenceModel.WithoutLayerNorm.Create(LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
            Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
            return LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
        });
    }
}
