using Course.Kit;
using TorchSharp;
using Xunit;
using static GradingHost.Checks.Sampling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Not a rubric check: the homework's four prompts continued by the student's own trained language model
/// with the student's Generate, temperature sampling beside nucleus sampling, for the report. When the
/// student's model cannot be trained, the reference's stands in and the table's title says so.
/// </summary>
public sealed class GenerationsForTheReport
{
    public static readonly string[] Prompts = ["The quick brown fox", "In the beginning", "What is 5 + 5?", "The meaning of life is"];
    public const double Temperature = 0.8;
    public const double P = 0.9;
    public const int NewTokens = 30;

    [Fact]
    public void RecordGenerations()
    {
        var profile = SubmissionUnderTest.Profile;
        var corpus = BrownCorpus.Instance;
        var config = profile.ModelConfig(corpus.Vocabulary.Size, heads: 1);
        var (model, whose) = Trained(new Implementation(SubmissionUnderTest.Assembly, AttentionNamespace, "your submission"), profile, corpus, config);
        // Both columns of a row draw from the same seed, so they differ by the sampling rule rather than by luck.
        var rows = Prompts.Select((prompt, i) => (IReadOnlyList<string>)
        [
            prompt,
            Continuation(model, config, corpus, prompt, generator => logits => Submission.SampleWithTemperature(logits, Temperature, generator), profile.Seed + (ulong)i),
            Continuation(model, config, corpus, prompt, generator => logits => Submission.SampleNucleus(logits, P, 1.0, generator), profile.Seed + (ulong)i),
        ]).ToList();
        ReportArtifacts.Table(new TextTable(
            $"Continuations ({NewTokens} characters at most) by {whose}, trained {profile.Steps} steps ({profile.Name} profile); " +
            "drawn by your Generate with your samplers (↵ is a line break)",
            ["Prompt", $"Temperature τ = {Temperature}", $"Nucleus p = {P}"], rows));
    }

    /// <summary>The student's TinyLanguageModel, trained; the reference's when the student's throws or ends with non-finite logits.</summary>
    /// <remarks>
    /// The reference is trained first, once per cache: it stands in for a model that fails, and a student's
    /// model that starts exactly like it (the usual case) reuses its training instead of repeating it.
    /// </remarks>
    private static (nn.Module<Tensor, Tensor> Model, string Whose) Trained(Implementation submission, TrainingProfile profile, BrownCorpus corpus, TransformerConfig config)
    {
        manual_seed((long)profile.Seed);
        var reference = ReferenceModel.Attention.Create(LanguageModel, config).to(Devices.Best);
        TrainedModels.TrainInstructorModel(reference, profile, corpus);
        reference.to(CPU);
        try
        {
            manual_seed((long)profile.Seed);
            var model = submission.Create(LanguageModel, config).to(Devices.Best);
            Student.Run("Training your TinyLanguageModel", () => TrainedModels.TrainSubmissionModel(model, profile, corpus));
            model.to(CPU);
            var ids = corpus.Vocabulary.Encode(Prompts[0]);
            using (no_grad())
                if (!Student.Run("Running your trained TinyLanguageModel", () => model.forward(tensor(ids, [1, ids.Length])).isfinite().all().item<bool>()))
                    throw new StudentFeedback("after training, its logits are not finite");
            return (model, "your TinyLanguageModel");
        }
        catch (Exception e) when (e is StudentFeedback or NotImplementedException)
        {
            var reason = e is NotImplementedException ? "yours is not implemented yet" : $"yours could not be trained: {e.Message}";
            return (reference, $"the reference's TinyLanguageModel ({reason})");
        }
    }

    private static string Continuation(
        nn.Module<Tensor, Tensor> model, TransformerConfig config, BrownCorpus corpus, string prompt, Func<Generator, Func<Tensor, Tensor>> sampler, ulong seed)
    {
        var ids = corpus.Vocabulary.Encode(prompt);
        try
        {
            var output = Submission.Generate(model, ids, NewTokens, config.ContextLength, sampler(new Generator(seed)));
            return corpus.Vocabulary.Decode(output.Skip(ids.Length)).Replace("\r", "").Replace("\n", "↵");
        }
        catch (NotImplementedException)
        {
            return "(not implemented yet)";
        }
        catch (StudentFeedback e)
        {
            return $"({e.Message})";
        }
    }
}
