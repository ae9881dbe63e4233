using Course.Kit;
using TorchSharp;
using static TorchSharp.torch;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The dev perplexity of HW2 Q1's single-head reference trained with a profile; the training is shared
/// with every other grading of that model (<see cref="TrainedModels"/>).
/// </summary>
public static class SingleHeadBaseline
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        manual_seed((long)profile.Seed);
        var model = ReferenceModel.SingleHead.Create(Models.LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1)).to(Devices.Best);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
    }
}
