using Course.Kit;
using GradingHost.Protocol;
using Xunit;
using static GradingHost.Checks.Sampling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Sampling;

/// <summary>
/// Not a rubric check: the homework's four prompts continued by the student's own trained language model
/// with the student's Generate, temperature sampling beside nucleus sampling, for the report. When the
/// student's model cannot be trained, the reference's stands in (answered here, in the checker) and the
/// table's title says so.
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
        var (model, whose, standIn) = Trained(profile, corpus, config);
        using (standIn)
        {
            // Both columns of a row draw from the same seed, so they differ by the sampling rule rather than by luck.
            var rows = Prompts.Select((prompt, i) => (IReadOnlyList<string>)
            [
                prompt,
                Continuation(model, config, corpus, prompt, g => new StaticCall($"{Namespace}.{SamplingApi.SamplerClass}", SampleWithTemperature, [Argument.Of(Temperature), g]), profile.Seed + (ulong)i, standIn),
                Continuation(model, config, corpus, prompt, g => new StaticCall($"{Namespace}.{SamplingApi.SamplerClass}", SampleNucleus, [Argument.Of(P), Argument.Of(1.0), g]), profile.Seed + (ulong)i, standIn),
            ]).ToList();
            ReportArtifacts.Figure(new TextTable(
                $"Continuations ({NewTokens} characters at most) by {whose}, trained {profile.Steps} steps ({profile.Name} profile); " +
                "drawn by your Generate with your samplers (↵ is a line break)",
                ["Prompt", $"Temperature τ = {Temperature}", $"Nucleus p = {P}"], rows));
        }
    }

    /// <summary>The student's TinyLanguageModel, trained, as an argument for Generate; the reference's (a stand-in answered here) when the student's throws or ends with non-finite logits.</summary>
    /// <remarks>
    /// The reference is trained first, once per cache: it stands in for a model that fails, and a student's
    /// model that starts exactly like it (the usual case) reuses its training instead of repeating it.
    /// </remarks>
    private static (Argument Model, string Whose, Probe? StandIn) Trained(TrainingProfile profile, BrownCorpus corpus, TransformerConfig config)
    {
        var reference = ReferenceModel.Attention.Create(LanguageModel, config, (long)profile.Seed);
        TrainedModels.TrainInstructorModel(reference, profile, corpus);
        try
        {
            var model = Implementation.Submission(AttentionNamespace).Create(LanguageModel, config, (long)profile.Seed);
            TrainedModels.TrainSubmissionModel(model, profile, corpus, () => ReferenceModel.Attention.Create(LanguageModel, config, (long)profile.Seed));
            var ids = corpus.Vocabulary.Encode(Prompts[0]);
            if (!model.Forward(tensor(ids, [1, ids.Length]), "trained TinyLanguageModel").isfinite().all().item<bool>())
                throw new StudentFeedback("after training, its logits are not finite");
            return (model.AsArgument(), "your TinyLanguageModel", null);
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed or NotImplementedException)
        {
            var reason = e is NotImplementedException ? "yours is not implemented yet" : $"yours could not be trained: {e.Message}";
            var standIn = Code.Worker.Callbacks.Register(idx => reference.Forward(idx, "language model"));
            return (Argument.ProbeModule(standIn.Id), $"the reference's TinyLanguageModel ({reason})", standIn);
        }
    }

    private static string Continuation(Argument model, TransformerConfig config, BrownCorpus corpus, string prompt, Func<Argument, StaticCall> sampler, ulong seed, Probe? standIn)
    {
        var ids = corpus.Vocabulary.Encode(prompt);
        try
        {
            var sample = Argument.Function(sampler(Submission.Generator(seed)));
            var output = standIn is null
                ? Submission.Generate(model, ids, NewTokens, config.ContextLength, sample, null)
                : Submission.Generate(model, ids, NewTokens, config.ContextLength, sample, null, standIn);
            return corpus.Vocabulary.Decode(output.Skip(ids.Length).Take(NewTokens)).Replace("\r", "").Replace("\n", "↵");
        }
        catch (NotImplementedException)
        {
            return "(not implemented yet)";
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed)
        {
            return $"({e.Message})";
        }
    }
}
