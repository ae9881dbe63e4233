using System.Diagnostics;
using Course.Kit;

namespace GradingHost.Checks;

/// <summary>
/// The training items' calibration: the grader's reference language model trained on Brown with a profile
/// at a given seed, exactly as a grading trains a submission that starts like it (so the profile's own
/// seed reproduces, from the cache, what every correct submission is given), and its dev perplexity.
/// </summary>
/// <param name="heads">the heads the graded model has (the multi-head assignment trains with 4)</param>
public sealed class ReferenceCalibration(Implementation reference, string languageModel, int heads) : ICalibratedTraining
{
    public CalibratedSeed Measure(TrainingProfile profile, ulong seed)
    {
        var corpus = BrownCorpus.Instance;
        var seeded = profile with { Seed = seed };
        var model = reference.Create(languageModel, seeded.ModelConfig(corpus.Vocabulary.Size, heads), (long)seed);
        var clock = Stopwatch.StartNew();
        var trained = TrainedModels.TrainInstructorModel(model, seeded, corpus);
        var seconds = clock.Elapsed.TotalSeconds;
        var perplexity = Evaluation.Perplexity(model, corpus.Dev, seeded.ContextLength, seeded.EvalTokens, corpus.Vocabulary.Size, "reference model");
        double? tokensPerSecond = trained ? (double)seeded.Steps * seeded.BatchSize * seeded.ContextLength / seconds : null;
        return new CalibratedSeed(seed, perplexity, tokensPerSecond);
    }
}
