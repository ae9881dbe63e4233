using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>The reference model trained with a profile (once per cache: <see cref="TrainedModels"/>), on the CPU for the report's figure.</summary>
public static class TrainedReference
{
    public static TrainedModel Load(TrainingProfile profile, BrownCorpus corpus)
    {
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        manual_seed((long)profile.Seed);
        var model = ReferenceModel.Implementation.Create(LanguageModel, config).to(Devices.Best);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return new TrainedModel(model.to(CPU), config);
    }
}
