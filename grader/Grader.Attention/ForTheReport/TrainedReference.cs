using Course.Kit;
using static GradingHost.Checks.Attention.Models;

namespace GradingHost.Checks.Attention;

/// <summary>The reference model trained with a profile (once per cache: <see cref="TrainedModels"/>), for the report's figure.</summary>
public static class TrainedReference
{
    public static TrainedModel Load(TrainingProfile profile, BrownCorpus corpus)
    {
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        var model = ReferenceModel.Implementation.Create(LanguageModel, config, (long)profile.Seed);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return new TrainedModel(model, config);
    }
}
