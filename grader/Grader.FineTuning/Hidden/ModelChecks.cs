using Course.Kit;
using Xunit;
using static GradingHost.Checks.FineTuning.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// The model being fine-tuned is the student's HW2 Q3 TinyLanguageModel: with the reference's weights it
/// must compute the reference's logits, or no fine-tuning result below could mean what it says.
/// </summary>
public sealed class ModelChecks
{
    [Fact]
    public void YourQ3ModelComputesTheReferencesLogitsWithItsWeights()
    {
        var config = ReferenceModel.Config(SubmissionUnderTest.Profile);
        var (submission, reference) = Implementation.Pair(Model, ReferenceModel.MultiHead, LanguageModel, config, seed: 3);
        manual_seed(3);
        var ids = randint(0, config.VocabSize, [2, 24], dtype: int64);
        var expected = reference.Forward(ids, "TinyLanguageModel");
        var actual = submission.Forward(ids, "TinyLanguageModel");
        Compare.ExpectFinite(expected, actual, "Your HW2 Q3 TinyLanguageModel's logits");
        if (Compare.Difference(expected, actual, "Your HW2 Q3 TinyLanguageModel's logits (with the reference's weights)") is { } difference)
            throw new StudentFeedback($"{difference} Fine-tuning starts from your Q3 model: make its public checks (dotnet test starter/multihead.tests) pass first.");
    }
}
