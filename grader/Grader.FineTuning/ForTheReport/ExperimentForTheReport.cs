using System.Collections.Concurrent;
using Course.Kit;
using Xunit;
using static TorchSharp.torch;

namespace GradingHost.Checks.FineTuning;

/// <summary>
/// Not a rubric check: HW2 Q5–Q7 for the report. The (a)–(d) table with bits per character, the forgetting
/// chart, the reference protocol's loss curves with the student's models' dev losses on them, and eight
/// prompts (the four HW2 prompts and four Shakespearean ones) continued by the student's fine-tuned model
/// beside GPT-2 when a checkpoint is supplied. Everything is measured here from the models' logits.
/// </summary>
public sealed class ExperimentForTheReport
{
    public static readonly string[] Prompts =
    [
        "The quick brown fox", "In the beginning", "What is 5 + 5?", "The meaning of life is",
        "ROMEO:\n", "KING HENRY:\n", "To be, or not to be,", "Now is the winter of",
    ];

    private const int NewCharacters = 30, NewGpt2Tokens = 12;
    private const double Temperature = 0.8;

    [Fact]
    public void RecordTheExperiment()
    {
        var profile = SubmissionUnderTest.Profile;
        var setup = Setup.For(profile);
        var reference = ReferenceProtocol.Value;
        ExperimentResult? yours = null;
        string? why = null;
        try
        {
            yours = Experiment.Value;
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed or NotImplementedException)
        {
            why = e is NotImplementedException ? "not implemented yet" : "it failed (see the rubric)";
        }
        var (gpt2, gpt2NotRun) = Gpt2Row(Gpt2ForTheReport.CheckpointPath(), setup, profile.Seed);
        var (lora, loraWhy) = LoRARow();

        string Row(double? perplexity) => perplexity is { } p ? $"{p:0.###}" : "—";
        string Bits(double? perplexity) => perplexity is { } p ? $"{Math.Log2(p):0.###}" : "—";
        ReportArtifacts.Figure(new TextTable(
            $"HW2 Q5–Q7 on Shakespeare dev (first {setup.ShakespeareDev.Length - 1} characters), measured by the grader" + (why is null ? "" : $"; your Run: {why}"),
            ["Model", "Your perplexity", "Bits per character", "Reference's perplexity"],
            [
                ["(a) pretrained on Brown, not adapted", Row(yours?.Unadapted), Bits(yours?.Unadapted), $"{reference.Unadapted:0.###}"],
                [$"(b) trained from scratch ({setup.Steps} steps)", Row(yours?.FromScratch), Bits(yours?.FromScratch), $"{reference.FromScratch:0.###}"],
                [yours is null ? "(c) fine-tuned" : $"(c) fine-tuned ({yours.Reported[1]:0} steps at {yours.Reported[0]:G3})", Row(yours?.FineTuned), Bits(yours?.FineTuned), $"{reference.FineTuned:0.###}"],
                ["(d) GPT-2 (BPE)", "—", gpt2 is null ? gpt2NotRun! : $"{gpt2.BitsPerCharacter:0.###}", "—"],
                [
                    lora is null ? $"(e) LoRA, extra credit: {loraWhy}" : $"(e) LoRA, extra credit (r = {setup.LoRA.Rank} on W_Q and W_V: {lora.Trainable:N0} of {lora.Total:N0} numbers train)",
                    Row(lora?.Perplexity), Bits(lora?.Perplexity), $"{reference.LoRA:0.###}",
                ],
            ]));
        ReportArtifacts.Measurement("Why bits per character",
            "GPT-2 predicts BPE tokens of several characters and the small models predict single characters, so their perplexities count different units; bits per character (log₂ perplexity for a character model) compares the same thing.");

        if (yours is not null)
        {
            ReportArtifacts.Figure(new BarChart("Q6: forgetting", "Brown dev perplexity", ["before fine-tuning", "after fine-tuning"], [yours.BrownBefore, yours.BrownAfter],
                $"Your fine-tuned model's Brown dev perplexity rose by {100 * (yours.BrownAfter / yours.BrownBefore - 1):0.#} % (the reference's protocol: {100 * (reference.BrownAfter / reference.BrownBefore - 1):0.#} %): adapting to Shakespeare costs some of the general corpus."));
        }
        LossCurves(reference, yours, setup);
        Generations(yours, gpt2, gpt2NotRun, why);
    }

    private static (LoRAResult? Result, string? Why) LoRARow()
    {
        try
        {
            return (LoRARun.Value, null);
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed or NotImplementedException)
        {
            return (null, e is NotImplementedException ? "not attempted" : "it failed (see the rubric)");
        }
    }

    /// <summary>
    /// GPT-2's row is the same for every student: a resident checker evaluates a checkpoint once (loading
    /// 124M parameters and generating costs seconds) and reuses it until the file changes.
    /// </summary>
    private static (Gpt2ForTheReport? Result, string? NotRun) Gpt2Row(string? path, Setup setup, ulong seed) =>
        Gpt2Rows.GetOrAdd($"{path}|{(path is not null && File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0)}|{seed}", _ =>
            Gpt2ForTheReport.Evaluate(path, BrownCorpus.Instance.Vocabulary.Decode(setup.ShakespeareDev), Prompts, NewGpt2Tokens, Temperature, seed));

    private static readonly ConcurrentDictionary<string, (Gpt2ForTheReport? Result, string? NotRun)> Gpt2Rows = new();

    private static void LossCurves(ReferenceProtocol reference, ExperimentResult? yours, Setup setup)
    {
        double[] Steps(int n) => Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var series = new List<PlotSeries>
        {
            new("(b) from scratch, train loss", Steps(reference.FromScratchLosses.Length), reference.FromScratchLosses, Line: true, Markers: false),
            new("(c) fine-tuning, train loss", Steps(reference.FineTuningLosses.Length), reference.FineTuningLosses, Line: true, Markers: false),
        };
        if (yours is not null)
            series.Add(new PlotSeries("your models' dev loss at the end", [setup.Steps, Math.Max(1, yours.Reported[1])], [Math.Log(yours.FromScratch), Math.Log(yours.FineTuned)]));
        ReportArtifacts.Figure(new ScatterPlot("Loss curves", "step", "loss (nats per character)", LogX: false, LogY: false, series,
            "The lines are the reference protocol's training losses (batches of Shakespeare train); the dots are the dev losses (ln perplexity) of your two models after their training. " +
            "Fine-tuning starts near the pretrained model's loss and stays below training from scratch."));
    }

    private static void Generations(ExperimentResult? yours, Gpt2ForTheReport? gpt2, string? gpt2NotRun, string? why)
    {
        var vocabulary = BrownCorpus.Instance.Vocabulary;
        var generator = new Generator(SubmissionUnderTest.Profile.Seed);
        var rows = Prompts.Select((prompt, i) => (IReadOnlyList<string>)
        [
            Show(prompt),
            yours is null ? $"— (your Run: {why})" : Show(Continue(yours.FineTunedModel, vocabulary.Encode(prompt), vocabulary, generator)),
            gpt2 is null ? gpt2NotRun! : Show(gpt2.Continuations[i]),
        ]).ToList();
        ReportArtifacts.Figure(new TextTable(
            $"Continuations at τ = {Temperature}: your fine-tuned model ({NewCharacters} characters) beside GPT-2 ({NewGpt2Tokens} tokens; ↵ is a line break)",
            ["Prompt", "Your fine-tuned model", "GPT-2"], rows));
    }

    /// <summary>Sampled here, from the logits the student's model returns, with the report's own seeded generator.</summary>
    private static string Continue(ModuleUnderTest model, long[] prompt, CharVocabulary vocabulary, Generator generator)
    {
        var ids = prompt.ToList();
        var window = SubmissionUnderTest.Profile.ContextLength;
        for (var i = 0; i < NewCharacters; i++)
        {
            using var scope = NewDisposeScope();
            var context = ids.Skip(Math.Max(0, ids.Count - window)).ToArray();
            var logits = model.Forward(tensor(context, [1, context.Length]), "fine-tuned model")[0, -1].to(float64);
            if (!logits.isfinite().all().item<bool>())
                return vocabulary.Decode(ids.Skip(prompt.Length)) + " (the logits stopped being finite)";
            ids.Add((logits / Temperature).softmax(-1).multinomial(1, generator: generator).item<long>());
        }
        return vocabulary.Decode(ids.Skip(prompt.Length));
    }

    private static string Show(string text) => text.Replace("\r", "").Replace("\n", "↵");
}
