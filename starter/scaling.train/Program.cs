using System.Diagnostics;
using Course.Kit;
using Homework.Scaling;
using Spectre.Console;
using static TorchSharp.torch;

// Trains the kit's model family as the grader does (cpu profile: the same stories, seed, steps and
// loop), then runs the study with your code: each model's perplexity on the 50 study stories, its mean
// and 95 % interval, the power law across sizes and the length control. The grader's report draws the
// same numbers as figures. `dotnet run --project starter/scaling.train [-- --steps N]`.
var profile = TrainingProfile.Cpu;
if (args is ["--steps", var given] && int.TryParse(given, out var steps) && steps > 0)
    profile = profile with { Steps = steps };
var stories = TinyStories.Load();
var configs = ModelFamily.Members(stories.Vocabulary.Size);
AnsiConsole.MarkupLine($"[bold]Scaling study[/]: training {configs.Count} models, {profile.Steps} AdamW steps of {profile.BatchSize} × {profile.ContextLength} characters of TinyStories each ({profile.Name} profile).");

var models = new List<NeuralNGramModel>();
AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
    .Start(context =>
    {
        foreach (var config in configs)
        {
            var task = context.AddTask($"{config.Parameters:N0} parameters", maxValue: profile.Steps);
            var clock = Stopwatch.StartNew();
            models.Add(ModelFamily.Train(config, stories, profile, (step, loss) =>
            {
                var tokensPerSecond = (step + 1) * (double)profile.BatchSize * profile.ContextLength / clock.Elapsed.TotalSeconds;
                task.Description = $"{config.Parameters:N0} parameters: step {step + 1}/{profile.Steps}  loss {loss:F3}  {tokensPerSecond:N0} tokens/s";
                task.Increment(1);
            }));
        }
    });

try
{
    var sample = stories.StudySample.Select(stories.Vocabulary.Encode).ToList();
    var table = new Table().AddColumns("Parameters", "Mean story perplexity", "95 % interval");
    var means = new List<double>();
    foreach (var model in models)
    {
        var perplexities = sample.Select(s => Perplexity.Compute(model, s).to(float64).item<double>()).ToArray();
        var interval = Statistics.MeanWithConfidenceInterval(tensor(perplexities)).data<double>().ToArray();
        means.Add(interval[0]);
        table.AddRow($"{model.Config.Parameters:N0}", $"{interval[0]:F3}", $"{interval[1]:F3} – {interval[2]:F3}");
    }
    AnsiConsole.Write(table);
    var law = Statistics.FitPowerLaw(tensor(models.Select(m => (double)m.Config.Parameters).ToArray()), tensor(means.ToArray())).data<double>().ToArray();
    AnsiConsole.MarkupLine($"Power law: perplexity ≈ {law[1]:G3} · N^(−{law[0]:F3}), α = {law[0]:F3} ± {law[2]:F3}.");
    var largest = models[^1];
    var lengths = sample.Select(s => (double)s.Length).ToArray();
    var perplexitiesOfLargest = sample.Select(s => Perplexity.Compute(largest, s).to(float64).item<double>()).ToArray();
    var line = Statistics.FitLine(tensor(lengths), tensor(perplexitiesOfLargest)).data<double>().ToArray();
    AnsiConsole.MarkupLine($"Length control (largest model): slope {line[0] * 100:F3} ± {line[2] * 100:F3} per 100 characters.");
}
catch (NotImplementedException e)
{
    AnsiConsole.MarkupLine($"[yellow]Not implemented yet:[/] {Markup.Escape(e.Message)}");
    return 2;
}
return 0;
