using GradingHost.Mutation;
using GradingHost.Pipeline;
using GradingHost.Worker.Compiling;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GradingHost.Tests;

public sealed class MutationTests
{
    private const string Attention = """
        using static TorchSharp.torch;
        public static class A
        {
            public static Tensor Weights(Tensor x, long d)
            {
                if (d <= 0)
                    throw new ArgumentOutOfRangeException(nameof(d), $"width {d + 1} must be positive");
                var scores = x.matmul(x.transpose(-2, -1)) / Math.Sqrt(d);
                var future = ones(3, 3, dtype: ScalarType.Bool).triu(1);
                return scores.masked_fill(future, double.NegativeInfinity).softmax(-1);
            }
        }
        """;

    [Fact]
    public void GeneratorMakesTheTensorCodeMistakesStudentsMake()
    {
        var ids = Generate(Attention).Select(m => m.Id).ToList();
        Assert.Contains("A.cs:8: arithmetic: / => *", ids);
        Assert.Contains("A.cs:8: constant: Math.Sqrt(d) => (d)", ids);
        Assert.Contains("A.cs:8: dropped call: x.transpose(-2, -1) => x", ids);
        Assert.Contains("A.cs:8: swapped arguments: (-2, -1) => (-1, -2)", ids);
        Assert.Contains("A.cs:9: dropped call: ones(3, 3, dtype: ScalarType.Bool).triu(1) => ones(3, 3, dtype: ScalarType.Bool)", ids);
        Assert.Contains("A.cs:9: axis: 1 => 2", ids);
        Assert.Contains("A.cs:9: axis: 1 => 0", ids);
        Assert.Contains("A.cs:10: constant: double.NegativeInfinity => 0.0", ids);
        Assert.Contains("A.cs:10: axis: -1 => -2", ids);
        Assert.Contains("A.cs:10: dropped call: scores.masked_fill(future, double.NegativeInfinity) => scores", ids);
        Assert.Contains("A.cs:6: comparison: <= => <", ids);
    }

    [Fact]
    public void GeneratorLeavesMessagesAloneAndNamesEachMutantOnce()
    {
        var mutants = Generate(Attention);
        // Line 7 is a throw with a message: changing it tells nothing about the checks.
        Assert.DoesNotContain(mutants, m => m.Line == 7);
        Assert.Equal(mutants.Count, mutants.Select(m => m.Id).Distinct().Count());
        // ones(3, 3, …) has the literal 3 twice on one line: the same edit twice, told apart by its order.
        Assert.Contains(mutants, m => m.Id == "A.cs:9: constant: 3 => 4" || m.Id == "A.cs:9: axis: 3 => 4");
        Assert.Contains(mutants, m => m.Id.EndsWith(": 3 => 4 #2", StringComparison.Ordinal));
        Assert.All(mutants, m => Assert.NotEqual(Attention, m.Apply(Attention)));
    }

    [Fact]
    public void EveryRecordedEquivalentMutantStillExists()
    {
        var layout = RepositoryLayout.Discover();
        var testing = new MutationTesting(layout, new GradingPipeline(layout));
        foreach (var id in layout.AssignmentIds)
        {
            // Selecting no mutant grades nothing, yet every recorded equivalent is held against the reference.
            var report = testing.Run(layout.Manifest(id), Path.Combine(layout.Root, "out", "test-mutate", "none", id), "cpu", GradingOptions.Default,
                only: "no mutant has this id", limit: null, fastOnly: true, _ => { });
            Assert.True(report.StaleEquivalents.Count == 0, $"{id}: {string.Join("; ", report.StaleEquivalents)}");
            Assert.Empty(report.Results);
        }
    }

    [Fact]
    public void DroppingTheScaleIsKilledByTheScaleItem()
    {
        var layout = RepositoryLayout.Discover();
        var report = new MutationTesting(layout, new GradingPipeline(layout)).Run(layout.Manifest("attention"),
            Path.Combine(layout.Root, "out", "test-mutate", "scale"), "cpu", GradingOptions.Default,
            only: "Math.Sqrt(dk)", limit: null, fastOnly: true, _ => { });
        // Math.Sqrt(dk) → (dk), and the division by it dropped.
        Assert.Equal(2, report.Counted);
        Assert.All(report.Results, r => Assert.Contains("scale", r.Lost));
        Assert.Equal("mutation score 100% (killed 2 of 2 non-equivalent mutants)", report.Lines().Last());
    }

    private static IReadOnlyList<Mutant> Generate(string source)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "A.cs"), source);
        var compilation = SubmissionCompilation.Create(dir, "Mutated");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "A.cs");
        return MutantGenerator.Generate("A.cs", tree, compilation.GetSemanticModel(tree));
    }
}
