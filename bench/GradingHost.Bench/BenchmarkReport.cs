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
        var cpu = GradingHost.Calibration.ThisMachine.Cpu;
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
        Line();
    }

    /// <param name="steps">the cpu profile's step first (the PyTorch peer runs that one), then any other profile's</param>
    public void Training(IReadOnlyList<TrainingStep> steps, PytorchPeer? peer)
    {
        var cpu = steps[0];
        Line("## The reference training step (attention, one thread)");
        Line();
        Line("Each profile's step against the matrix product of its own widest shape, (batch·T × d)·(d × 4d), measured in the same run. " +
             "FLOPs per token: 6 per weight of every product, plus QKᵀ and A·V forward and backward. The gpu profile is the homework's " +
             "configuration; no CUDA build of TorchSharp is served here, so it runs on this CPU, a few steps only.");
        Line();
        Line("| implementation | profile | model | steps (after warm-up) | tokens/s | FLOPs per token | GFLOP/s achieved | its product's GFLOP/s | share of the roofline |");
        Line("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var step in steps)
            Line($"| TorchSharp 0.107 (libtorch 2.10) | {step.Profile.Name} | d {step.Config.Width}, {step.Config.Layers} layers, T {step.Config.ContextLength}, batch {step.Profile.BatchSize} | " +
                 $"{step.Steps} ({step.Warmup}) | {F(step.TokensPerSecond, 0)} | {F(step.FlopsPerToken / 1e6, 2)} M | {F(step.Gflops, 2)} | {F(step.ModelSizedGflops, 1)} | {F(100 * step.ShareOfRoofline, 0)} % |");
        if (peer is null)
            Line("| PyTorch | cpu | not measured: no python3 with torch here (Debian: `apt-get install python3-torch`) | | | | | | |");
        else
        {
            var gflops = peer.TokensPerSecond * cpu.FlopsPerToken / 1e9;
            Line($"| PyTorch {peer.Version} (bench/peer/training_step.py) | cpu | the same | | {F(peer.TokensPerSecond, 0)} | {F(cpu.FlopsPerToken / 1e6, 2)} M | {F(gflops, 2)} | {F(peer.ModelSizedGflops, 1)} | {F(100 * gflops / peer.ModelSizedGflops, 0)} % |");
        }
        Line();
    }

    public void Grading(string assignment, GradingPhases phases)
    {
        if (!_gradingHeader)
        {
            Line("## One grading, by phase (the reference as a new student's submission, sandboxed)");
            Line();
            Line("Seconds. *compile*: Roslyn in a sandboxed process (first of the run, then the median); *start*: from handing");
            Line("the grading to a checker to its first check (test discovery, the sandboxed worker), first of the run, when the");
            Line("resident checker itself starts, then the median, when it is warm; *checks*: every check but training;");
            Line("*training*: the training checks (the submission's model; the reference's comes from the cache); *PDF*: writing");
            Line("feedback.pdf again from the same report; *total*: the whole grading, results.json and PDF included.");
            Line();
            Line("| assignment | submission | repeats | compile (first) | compile | start (first) | start | checks | training | PDF | total |");
            Line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            _gradingHeader = true;
        }
        Line($"| {assignment} | {phases.Submission} | {phases.Repeats} | {F(phases.FirstCompile, 2)} | {F(phases.Compile, 2)} | {F(phases.FirstStart, 2)} | {F(phases.Start, 2)} | {F(phases.Checks, 2)} | {F(phases.Training, 2)} | {F(phases.Pdf, 2)} | {F(phases.Total, 2)} |");
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
