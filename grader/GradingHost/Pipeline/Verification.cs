using GradingHost.Checks.Manifest;
using GradingHost.Rubric;

namespace GradingHost.Pipeline;

/// <summary>
/// Proves an assignment's grader: the reference gets full marks, the starter gets zero with every item
/// "not implemented", and every known-faulty variant loses exactly the items that name its fault.
/// </summary>
public sealed class Verification(RepositoryLayout layout, GradingPipeline pipeline)
{
    public sealed record Expectation(string Submission, string Expected, string Got, bool Met);

    public IReadOnlyList<Expectation> Verify(AssignmentManifest manifest, string outDirectory, string profile, Action<Expectation> progress)
    {
        var results = new List<Expectation>();
        void Record(Expectation e) { results.Add(e); progress(e); }

        var reference = pipeline.Grade(manifest, "reference", Path.Combine(outDirectory, "reference"), profile);
        Record(new Expectation("reference", $"full marks ({reference.Items.Sum(i => i.Possible):0.##})", Describe(reference), reference.EveryItemPassed));

        var starter = pipeline.Grade(manifest, "starter", Path.Combine(outDirectory, "starter"), profile);
        var allNotImplemented = starter.Items.All(i => i.Status == ItemStatus.NotImplemented);
        Record(new Expectation("starter", "0, every item not implemented", $"{Describe(starter)}; statuses: {string.Join(", ", starter.Items.Select(i => i.Status).Distinct())}",
            starter.Score == 0 && allNotImplemented));

        foreach (var fault in manifest.Faults)
        {
            var sources = FaultySources(manifest, fault, Path.Combine(outDirectory, fault.Id, "source"));
            var graded = pipeline.Grade(manifest, sources, Path.Combine(outDirectory, fault.Id), profile);
            var lost = graded.Items.Where(i => i.Earned < i.Possible).Select(i => i.Id).Order().ToList();
            var expected = fault.Loses.Order().ToList();
            Record(new Expectation($"fault '{fault.Id}' ({fault.Description})", $"loses exactly [{string.Join(", ", expected)}]",
                $"loses [{string.Join(", ", lost)}]; {Describe(graded)}", lost.SequenceEqual(expected)));
        }
        return results;
    }

    /// <summary>A copy of the reference with the fault's one edit applied.</summary>
    public string FaultySources(AssignmentManifest manifest, FaultyVariant fault, string target)
    {
        SubmissionSource.Gather(manifest.Reference, layout, target);
        var edited = Path.Combine(target, fault.File);
        var text = File.Exists(edited) ? File.ReadAllText(edited) : throw new UserError($"Fault '{fault.Id}' edits {fault.File}, which the reference does not have.");
        var occurrences = text.Split(fault.Find).Length - 1;
        if (occurrences != 1)
            throw new UserError($"Fault '{fault.Id}': the text to replace occurs {occurrences} times in {fault.File}; it must occur exactly once.");
        File.WriteAllText(edited, text.Replace(fault.Find, fault.Replace));
        return target;
    }

    private static string Describe(GradeReport report) => $"{report.Score:0.##}/{report.MaxScore:0.##}";
}
