using Course.Kit;
using TorchSharp;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>What the student's FineTuning.Run reported, beside what the grader measured of the two models it left behind.</summary>
/// <param name="Reported">[fine-tuning learning rate, fine-tuning steps, (a), (b), (c), Brown before, Brown after]</param>
/// <param name="Similarity">cosine of the fine-tuned weights with the pretrained ones, all parameters as one vector</param>
/// <param name="Untrained">the fresh model's Shakespeare dev perplexity before Run</param>
public sealed record ExperimentResult(
    double[] Reported, double Untrained, double Unadapted, double FromScratch, double FineTuned, double BrownBefore, double BrownAfter, double Similarity, ModuleUnderTest FineTunedModel);

/// <summary>
/// HW2 Q5–Q6 as the grader runs it, once per grading: the student's HW2 Q3 model is built twice in the
/// worker, one copy given the pretrained weights and one left as initialised; the student's Run trains
/// both; every perplexity the checks judge is then measured here, from the logits the models return.
/// </summary>
public static class Experiment
{
    private static readonly PerGrading<ExperimentResult> Result = new(Run);

    public static ExperimentResult Value => Result.Value;

    private static ExperimentResult Run()
    {
        var profile = SubmissionUnderTest.Profile;
        var setup = Setup.For(profile);
        var config = ReferenceModel.Config(profile);
        var weights = ReferenceModel.Pretrained(profile);
        var pretrained = Model.Create(LanguageModel, config, (long)profile.Seed);
        pretrained.Load(weights, "pretrained TinyLanguageModel");
        var fresh = Model.Create(LanguageModel, config, (long)profile.Seed);
        var unadapted = Measure(pretrained, setup.ShakespeareDev, setup, "pretrained model");
        var brownBefore = Measure(pretrained, setup.BrownDev, setup, "pretrained model");
        var untrained = Measure(fresh, setup.ShakespeareDev, setup, "model before training from scratch");

        var reported = Submission.Experiment(pretrained, fresh, setup, Submission.Generator(profile.Seed));

        var fromScratch = Measure(fresh, setup.ShakespeareDev, setup, "model trained from scratch");
        var fineTuned = Measure(pretrained, setup.ShakespeareDev, setup, "fine-tuned model");
        var brownAfter = Measure(pretrained, setup.BrownDev, setup, "fine-tuned model");
        return new ExperimentResult(reported, untrained, unadapted, fromScratch, fineTuned, brownBefore, brownAfter,
            Cosine(weights, pretrained.ParameterValues("fine-tuned model")), pretrained);
    }

    /// <summary>The handout's perplexity over consecutive windows of T + 1 tokens, from the model's logits, 64 windows per call.</summary>
    public static double Measure(ModuleUnderTest model, long[] text, Setup setup, string what) =>
        Evaluation.Perplexity(model, new TokenStream(text), setup.ContextLength, text.Length, BrownCorpus.Instance.Vocabulary.Size, what, windowsPerCall: 64);

    private static double Cosine(IReadOnlyList<(string Name, Tensor Value)> a, IReadOnlyList<(string Name, Tensor Value)> b)
    {
        var byName = b.ToDictionary(p => p.Name, p => p.Value);
        var x = cat(a.Select(p => p.Value.flatten().to(float64)).ToArray());
        var y = cat(a.Select(p => byName[p.Name].flatten().to(float64)).ToArray());
        return (x.dot(y) / (x.norm() * y.norm())).item<double>();
    }
}
