using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GradingHost.Bench;

/// <summary>docs/benchmarks.md: the machine, then one table per measurement, with how each figure was taken.</summary>
internal sealed class BenchmarkReport
{
    private readonly StringBuilder _text = new();
    private bool _gradingHeader;

    public BenchmarkReport()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        Line("# Benchmarks");
        Line();
        Line("Written by `dotnet run -c Release --project bench/GradingHost.Bench` (see README.md, \"Benchmarks\"); every figure");
        Line("below was measured in that one run. Medians unless stated.");
        Line();
        Line($"Machine: {cpu}, {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB; " +
             $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        Line();
    }

    public void Roofline(Roofline roofline)
    {
        Line("## Matrix products on one core (the roofline)");
        Line();
        Line("| product | GFLOP/s (float32, one thread, best of 5) |");
        Line("| --- | ---: |");
        Line($"| {roofline.Size}×{roofline.Size} · {roofline.Size}×{roofline.Size} | {F(roofline.LargeGflops, 1)} |");
        Line($"| 2048×64 · 64×256 (the training's widest product) | {F(roofline.ModelSizedGflops, 1)} |");
        Line();
    }

    public void Training(TrainingStep step, PytorchPeer? peer)
    {
        Line("## The reference training step (attention, cpu profile, one thread)");
        Line();
        Line($"Model: width {step.Config.Width}, {step.Config.Layers} layers, context {step.Config.ContextLength}, vocabulary {step.Config.VocabSize}, " +
             $"batch {step.BatchSize}; {step.Steps} AdamW steps after 10 of warm-up. FLOPs per token {F(step.FlopsPerToken / 1e6, 2)} M " +
             "(6 per weight of every product, plus QKᵀ and A·V forward and backward).");
        Line();
        Line("| implementation | tokens/s | GFLOP/s achieved | share of the roofline |");
        Line("| --- | ---: | ---: | ---: |");
        Line($"| TorchSharp 0.107 (libtorch 2.10) | {F(step.TokensPerSecond, 0)} | {F(step.Gflops, 2)} | {F(100 * step.ShareOfRoofline, 0)} % |");
        if (peer is null)
            Line("| PyTorch | not measured: no python3 with torch here (Debian: `apt-get install python3-torch`) | | |");
        else
        {
            var gflops = peer.TokensPerSecond * step.FlopsPerToken / 1e9;
            Line($"| PyTorch {peer.Version} (bench/peer/training_step.py) | {F(peer.TokensPerSecond, 0)} | {F(gflops, 2)} | {F(100 * gflops / peer.ModelSizedGflops, 0)} % of its own {F(peer.ModelSizedGflops, 1)} |");
        }
        Line();
    }

    public void Grading(string assignment, GradingPhases phases)
    {
        if (!_gradingHeader)
        {
            Line("## One grading, by phase (the reference as a new student's submission, sandboxed)");
            Line();
            Line("Seconds. *compile*: Roslyn in a sandboxed process (first of the run, then the median); *start*: the checker's");
            Line("process, test discovery and the sandboxed worker, up to the first check; *checks*: every check but training;");
            Line("*training*: the training checks (the submission's model; the reference's comes from the cache); *PDF*: writing");
            Line("feedback.pdf again from the same report; *total*: the whole grading, results.json and PDF included.");
            Line();
            Line("| assignment | submission | repeats | compile (first) | compile | start | checks | training | PDF | total |");
            Line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            _gradingHeader = true;
        }
        Line($"| {assignment} | {phases.Submission} | {phases.Repeats} | {F(phases.FirstCompile, 2)} | {F(phases.Compile, 2)} | {F(phases.Start, 2)} | {F(phases.Checks, 2)} | {F(phases.Training, 2)} | {F(phases.Pdf, 2)} | {F(phases.Total, 2)} |");
    }

    public void Batch(BatchThroughput batch)
    {
        Line();
        Line("## A class with grade-all (attention)");
        Line();
        Line($"{batch.Students} distinct submissions, half the reference and half one of faults.yaml's mistakes each, {batch.Jobs} at a time: {F(batch.Seconds, 0)} s, " +
             $"{F(batch.SecondsPerStudent, 1)} s per student; the rerun, which regrades nothing, {F(batch.RerunSeconds, 1)} s. " +
             $"At that rate a class of 200 takes about {F(200 * batch.SecondsPerStudent / 60, 0)} min on this machine.");
        Line();
    }

    public string Markdown() => _text.ToString();

    private void Line(string text = "") => _text.Append(text).Append('\n');

    private static string F(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);
}
