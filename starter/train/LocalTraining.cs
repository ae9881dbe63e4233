using System.Diagnostics;
using Course.Kit;
using GradingHost.Checks.Manifest;
using Spectre.Console;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// Trains your own model on your machine as the grader's training check does (the cpu profile: the same
/// data, seed, steps and training loop), with a progress display, then reports its dev perplexity
/// against the grader's bar from assignment.yaml. `dotnet run --project starter/&lt;id&gt;.train [-- --steps N]`.
/// </summary>
public static class LocalTraining
{
    public static int Run(string[] args, Func<TransformerConfig, nn.Module<Tensor, Tensor>> create, int heads)
    {
        var profile = TrainingProfile.Cpu;
        if (args is ["--steps", var given] && int.TryParse(given, out var steps) && steps > 0)
            profile = profile with { Steps = steps };
        var corpus = BrownCorpus.Instance;
        var manifest = AssignmentManifest.Load(Path.Combine(AppContext.BaseDirectory, ManifestLocation.FileName));
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(manifest.Title)}[/]: training your model, {Markup.Escape(TrainedDescription(profile))}.");
        nn.Module<Tensor, Tensor> model;
        try
        {
            manual_seed((long)profile.Seed);
            model = create(profile.ModelConfig(corpus.Vocabulary.Size, heads));
            var clock = Stopwatch.StartNew();
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("training", maxValue: profile.Steps);
                    Trainer.Train(model, corpus.Train, profile, new Generator(profile.Seed), (step, loss) =>
                    {
                        var tokensPerSecond = (step + 1) * (double)profile.BatchSize * profile.ContextLength / clock.Elapsed.TotalSeconds;
                        task.Description = $"step {step + 1}/{profile.Steps}  loss {loss:F3}  {tokensPerSecond:N0} tokens/s";
                        task.Increment(1);
                    });
                });
        }
        catch (NotImplementedException e)
        {
            AnsiConsole.MarkupLine($"[yellow]Not implemented yet:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        var perplexity = LanguageModeling.Perplexity(model, corpus.Dev, profile.ContextLength, profile.EvalTokens);
        var bar = manifest.Thresholds.GetValueOrDefault(profile.Name)?.DevPerplexity;
        AnsiConsole.MarkupLine(bar is not { } b
            ? $"Dev perplexity {perplexity:F3}."
            : perplexity <= b
                ? $"Dev perplexity {perplexity:F3}: [green]within the grader's bar of {b:F3}[/] ({profile.Name} profile)."
                : $"Dev perplexity {perplexity:F3}: [red]above the grader's bar of {b:F3}[/] ({profile.Name} profile){(profile.Steps < TrainingProfile.Cpu.Steps ? ", after fewer steps than the grader trains" : "")}.");
        return 0;
    }

    private static string TrainedDescription(TrainingProfile profile) =>
        $"{profile.Steps} AdamW steps of {profile.BatchSize} × {profile.ContextLength} characters of the Brown corpus ({profile.Name} profile)";
}
