using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The dev perplexity of HW2 Q1's single-head reference trained with a profile. Training costs seconds
/// to minutes, so the figure is cached (<see cref="ArtifactCache"/>) under a hash of everything that determines
/// it: the single-head reference and kit assemblies, the corpus splits and the profile.
/// </summary>
public static class SingleHeadBaseline
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        var key = ArtifactCache.Key(
            [ReferenceModel.SingleHeadAssembly.Location, typeof(TrainingProfile).Assembly.Location, CourseData.PathOf("brown-train.txt"), CourseData.PathOf("brown-dev.txt")],
            profile.ToString());
        return ArtifactCache.Number($"reference-attention-dev-perplexity-{key}.txt", () =>
        {
            manual_seed((long)profile.Seed);
            var model = ReferenceModel.SingleHead.Create(Models.LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
            Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
            return LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
        });
    }
}
