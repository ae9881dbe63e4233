using System.Globalization;
using Course.Kit;
using GradingHost.Bench;
using GradingHost.Pipeline;

// Each figure is a median over repeats, measured now, on this machine; nothing is copied from an earlier run.
var repeats = Option("--repeats", 3);
var classSize = Option("--class", 6);
var layout = RepositoryLayout.Discover();
var output = Path.Combine(layout.Root, "docs", "benchmarks.md");

var report = new BenchmarkReport();
Console.WriteLine("matmul roofline and the reference training step …");
var roofline = Roofline.Measure();
report.Roofline(roofline);
var cpuStep = TrainingStep.Measure(TrainingProfile.Cpu, warmup: 10, steps: 100);
Console.WriteLine("the gpu profile's training step, on this CPU …");
report.Training([cpuStep, TrainingStep.Measure(TrainingProfile.Gpu, warmup: 1, steps: 3)], PytorchPeer.Measure(layout));
foreach (var id in layout.AssignmentIds)
{
    Console.WriteLine($"grading the {id} reference {repeats} times …");
    report.Grading(id, GradingPhases.Measure(layout, id, repeats));
}
Console.WriteLine("grading an attention fault that trains …");
report.Grading("attention", GradingPhases.Measure(layout, "attention", repeats, fault: "large-init"));
Console.WriteLine($"grade-all on a mixed class of {classSize} attention submissions …");
report.Batch(BatchThroughput.Measure(layout, "attention", classSize));

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, report.Markdown());
Console.WriteLine($"written {output}");

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
