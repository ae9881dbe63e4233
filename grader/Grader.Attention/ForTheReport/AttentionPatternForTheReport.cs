using Course.Kit;
using Xunit;
using static GradingHost.Checks.Attention.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Attention;

/// <summary>
/// Not a rubric check: records the first layer's attention on a sample sentence, with the trained
/// reference's weights loaded into both models, so the report can show the two patterns side by side.
/// </summary>
public sealed class AttentionPatternForTheReport
{
    public const string SampleSentence = "The cat sat on the mat.";

    [Fact]
    public void RecordFirstLayerAttention()
    {
        var corpus = BrownCorpus.Instance;
        var profile = SubmissionUnderTest.Profile;
        var trained = TrainedReference.Load(profile, corpus);
        var ids = corpus.Vocabulary.Encode(SampleSentence);
        var tokens = tensor(ids, [1, ids.Length]);
        var labels = SampleSentence.Select(c => c.ToString()).ToList();
        var reference = FirstLayerWeights(trained.Model, tokens);
        ReportArtifacts.Attention(new AttentionPattern(labels, reference, null));

        var submission = Submission.Create(LanguageModel, trained.Config, (long)profile.Seed);
        Weights.Copy(trained.Model, submission, LanguageModel);
        ReportArtifacts.Attention(new AttentionPattern(labels, reference, FirstLayerWeights(submission, tokens)));
    }

    private static double[][] FirstLayerWeights(ModuleUnderTest model, Tensor tokens)
    {
        model.Eval();
        var positions = arange(tokens.shape[1], dtype: int64);
        var x = model.Child("token_embedding", "language model").Forward(tokens, "token embedding")
                + model.Child("position_embedding", "language model").Forward(positions, "position embedding");
        var weights = AttentionWeightsOf(model.Child("blocks.0.attention", "language model"), x)[0].to(float64);
        var t = (int)weights.shape[0];
        return Enumerable.Range(0, t).Select(i => weights[i].data<double>().ToArray()).ToArray();
    }
}
