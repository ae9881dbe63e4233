using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// The reference model trained with a profile. Training costs seconds to minutes, so the weights are
/// cached (<see cref="ArtifactCache"/>) under a hash of everything that determines them: the reference and kit
/// assemblies, the training text and the profile.
/// </summary>
public static class TrainedReference
{
    public static TrainedModel Load(TrainingProfile profile, BrownCorpus corpus)
    {
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        manual_seed((long)profile.Seed);
        var model = ReferenceModel.Implementation.Create(LanguageModel, config);
        var key = ArtifactCache.Key([ReferenceModel.Assembly.Location, typeof(TrainingProfile).Assembly.Location, CourseData.PathOf("brown-train.txt")], profile.ToString());
        ArtifactCache.LoadOrCreate($"reference-attention-{key}.dat",
            path => model.load(path),
            () =>
            {
                model.to(Devices.Best);
                Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed));
                model.to(CPU);
            },
            path => model.save(path));
        return new TrainedModel(model, config);
    }
}
