using Course.Kit;
using static GradingHost.Checks.LayerNorm.Models;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The dev perplexity of the attention assignment's reference (no layer norm) trained with a profile;
/// the training is shared with every other grading of that model (<see cref="TrainedModels"/>).
/// </summary>
public static class BaselineWithoutLayerNorm
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        var model = ReferenceModel.WithoutLayerNorm.Create(LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1), (long)profile.Seed);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return Evaluation.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens, corpus.Vocabulary.Size, "language model");
    }
}
