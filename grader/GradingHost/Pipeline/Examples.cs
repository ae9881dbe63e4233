using GradingHost.Checks.Manifest;

namespace GradingHost.Pipeline;

/// <summary>
/// The example submissions under examples/&lt;assignment&gt;/ (correct ones written unlike the reference,
/// and realistic mistakes), each graded and held to its expected.yaml, as verify holds the faults.
/// </summary>
public sealed class Examples(RepositoryLayout layout, GradingPipeline pipeline)
{
    /// <summary>Every example folder of <paramref name="assignment"/>, in name order.</summary>
    public IReadOnlyList<string> Of(string assignment)
    {
        var folder = Path.Combine(layout.Root, "examples", assignment);
        return Directory.Exists(folder) ? Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Grades the examples of the given assignments into <paramref name="outDirectory"/>/&lt;assignment&gt;/&lt;example&gt;, in parallel.</summary>
    public IReadOnlyList<Verification.Expectation> Grade(IEnumerable<string> assignments, string outDirectory, GradingOptions options, Action<Verification.Expectation> progress) =>
        Verification.RunAll(assignments.SelectMany(id => Of(id).Select(example =>
            (Func<Verification.Expectation>)(() => GradeOne(id, example, outDirectory, options)))).ToList(), progress);

    /// <summary>Grades one example and holds it to its expected.yaml.</summary>
    public Verification.Expectation GradeOne(string assignment, string example, string outDirectory, GradingOptions options)
    {
        var manifest = layout.Manifest(assignment);
        var name = Path.GetFileName(example);
        var expectation = Path.Combine(example, ExampleExpectation.FileName);
        if (!File.Exists(expectation))
            throw new UserError($"The example {assignment}/{name} has no {ExampleExpectation.FileName}: say which items it must lose (none for a correct solution).");
        var expected = ExampleExpectation.Load(expectation);
        var graded = pipeline.Grade(manifest, example, Path.Combine(outDirectory, assignment, name), "cpu", options);
        var judged = Verification.Judge($"{assignment}/{name}", graded, expected.Loses, expected.Says);
        // A correct solution must also earn the extra credit, which "loses nothing" alone does not show.
        return expected.Loses.Count == 0 && !graded.EveryItemPassed ? judged with { Met = false } : judged;
    }
}
