using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.LayerNorm.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.LayerNorm;

/// <summary>
/// The dev perplexity of the attention assignment's reference (no layer norm) trained with a profile;
/// the training is shared with every other grading of that model (<see cref="TrainedModels"/>).
/// </summary>
public static class BaselineWithoutLayerNorm
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        manual_seed((long)profile.Seed);
        var model = ReferenceModel.WithoutLayerNorm.Create(LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
    }
}
