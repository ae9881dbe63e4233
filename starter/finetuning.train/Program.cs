using System.Diagnostics;
using Course.Kit;
using Homework.FineTuning;
using Homework.MultiHead;
using Spectre.Console;
using static TorchSharp.torch;

// HW2 Q5–Q6 on your machine, as the grader runs it: your Q3 model pretrained on Brown by the course's
// loop (cpu profile, 4 heads), then your FineTuning.Run with the grader's budget (150 steps from scratch,
// batches of 16 × 33 characters, the first 4,096 characters of each dev split).
// `dotnet run --project starter/finetuning.train [-- --steps N]` (N: pretraining steps, 300 by default).
var profile = TrainingProfile.Cpu;
if (args is ["--steps", var given] && int.TryParse(given, out var pretrainingSteps) && pretrainingSteps > 0)
    profile = profile with { Steps = pretrainingSteps };
var brown = BrownCorpus.Instance;
var shakespeare = ShakespeareCorpus.Instance;
var config = profile.ModelConfig(brown.Vocabulary.Size, heads: 4);
try
{
    manual_seed((long)profile.Seed);
    var pretrained = new TinyLanguageModel(config);
    var clock = Stopwatch.StartNew();
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
        .Start(context =>
        {
            var task = context.AddTask("pretraining on Brown", maxValue: profile.Steps);
            Trainer.Train(pretrained, brown.Train, profile, new Generator(profile.Seed), (step, loss) =>
            {
                var tokensPerSecond = (step + 1) * (double)profile.BatchSize * profile.ContextLength / clock.Elapsed.TotalSeconds;
                task.Description = $"pretraining on Brown: step {step + 1}/{profile.Steps}  loss {loss:F3}  {tokensPerSecond:N0} tokens/s";
                task.Increment(1);
            });
        });
    manual_seed((long)profile.Seed);
    var fresh = new TinyLanguageModel(config);
    const int devTokens = 4_097;
    var result = AnsiConsole.Status().Start("Running your FineTuning.Run (150 steps from scratch, then your fine-tuning)…", _ =>
        FineTuning.Run(pretrained, fresh, shakespeare.Train.Ids, shakespeare.Dev.Ids[..devTokens], brown.Dev.Ids[..devTokens],
            steps: 150, learningRate: profile.LearningRate, batchSize: 16, contextLength: 32, new Generator(profile.Seed)).to(float64).data<double>().ToArray());
    var table = new Table().AddColumns("Shakespeare dev", "Perplexity", "Bits per character");
    foreach (var (label, value) in new[] { ("(a) pretrained, not adapted", result[2]), ("(b) from scratch", result[3]), ($"(c) fine-tuned ({result[1]:0} steps at {result[0]:G3})", result[4]) })
        table.AddRow(Markup.Escape(label), $"{value:F3}", $"{Math.Log2(value):F3}");
    AnsiConsole.Write(table);
    AnsiConsole.MarkupLine($"Forgetting: Brown dev perplexity {result[5]:F3} before fine-tuning, {result[6]:F3} after ({100 * (result[6] / result[5] - 1):+0.0;-0.0} %).");
    return 0;
}
catch (NotImplementedException e)
{
    AnsiConsole.MarkupLine($"[yellow]Not implemented yet:[/] {Markup.Escape(e.Message)}");
    return 2;
}
