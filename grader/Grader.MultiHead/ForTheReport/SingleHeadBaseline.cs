using Course.Kit;

namespace GradingHost.Checks.MultiHead;

/// <summary>
/// The dev perplexity of HW2 Q1's single-head reference trained with a profile; the training is shared
/// with every other grading of that model (<see cref="TrainedModels"/>).
/// </summary>
public static class SingleHeadBaseline
{
    public static double DevPerplexity(TrainingProfile profile, BrownCorpus corpus)
    {
        var model = ReferenceModel.SingleHead.Create(Models.LanguageModel, profile.ModelConfig(corpus.Vocabulary.Size, heads: 1), (long)profile.Seed);
        TrainedModels.TrainInstructorModel(model, profile, corpus);
        return Evaluation.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens, corpus.Vocabulary.Size, "language model");
    }
}
