using System.Runtime.ExceptionServices;
using GradingHost.Checks.Manifest;
using GradingHost.Rubric;

namespace GradingHost.Pipeline;

/// <summary>
/// Proves an assignment's grader: the reference gets full marks, the starter gets zero with every item
/// "not implemented", and every known-faulty variant loses exactly the items that name its fault.
/// </summary>
public sealed class Verification(RepositoryLayout layout, GradingPipeline pipeline)
{
    /// <param name="Seconds">how long the grading took, so an instructor sees which variants make verify slow</param>
    public sealed record Expectation(string Submission, string Expected, string Got, bool Met, double Seconds);

    /// <summary>
    /// Grades the reference, the starter and every fault, one child process per core at a time (each
    /// grader runs libtorch on one thread); <paramref name="progress"/> hears of each as it finishes,
    /// the list returned keeps the manifest's order.
    /// </summary>
    public IReadOnlyList<Expectation> Verify(AssignmentManifest manifest, string outDirectory, string profile, GradingOptions options, Action<Expectation> progress) =>
        RunAll(Gradings(manifest, outDirectory, profile, options), progress);

    /// <summary>
    /// The gradings <see cref="Verify"/> runs, each judged as it finishes, not yet run: several assignments'
    /// may share one <see cref="RunAll{T}"/>, so that no core waits for another assignment's last grading.
    /// </summary>
    public IReadOnlyList<Func<Expectation>> Gradings(AssignmentManifest manifest, string outDirectory, string profile, GradingOptions options)
    {
        var gradings = new List<Func<Expectation>>
        {
            () =>
            {
                var reference = pipeline.Grade(manifest, "reference", Path.Combine(outDirectory, "reference"), profile, options);
                return new Expectation("reference", $"full marks ({reference.Items.Sum(i => i.Possible):0.##})", Describe(reference), reference.EveryItemPassed, reference.ExecutionSeconds);
            },
            () =>
            {
                var starter = pipeline.Grade(manifest, "starter", Path.Combine(outDirectory, "starter"), profile, options);
                var allNotImplemented = starter.Items.All(i => i.Status == ItemStatus.NotImplemented);
                return new Expectation("starter", "0, every item not implemented", $"{Describe(starter)}; statuses: {string.Join(", ", starter.Items.Select(i => i.Status).Distinct())}",
                    starter.Score == 0 && allNotImplemented, starter.ExecutionSeconds);
            },
        };
        CheckFaultIds(manifest);
        // Every fault's edit is applied before any grading starts, so one that does not fit the reference is reported at once.
        var faulty = manifest.Faults.Select(fault => (fault, sources: FaultySources(manifest, fault, Path.Combine(outDirectory, fault.Id, "source")))).ToList();
        gradings.AddRange(faulty.Select(f => (Func<Expectation>)(() =>
        {
            var (fault, sources) = f;
            var graded = pipeline.Grade(manifest, sources, Path.Combine(outDirectory, fault.Id), profile, options);
            return Judge($"fault '{fault.Id}' ({fault.Description})", graded, fault.Loses, fault.Says);
        })));
        return gradings;
    }

    /// <summary>Whether a graded submission lost exactly <paramref name="loses"/> and its feedback contains <paramref name="says"/> (when given).</summary>
    public static Expectation Judge(string submission, GradeReport graded, IReadOnlyList<string> loses, string says)
    {
        var lost = graded.Items.Where(i => i.Earned < i.Possible).Select(i => i.Id).Order().ToList();
        var expected = loses.Order().ToList();
        var feedback = graded.Summary + "\n" + string.Join("\n", graded.Items.SelectMany(i => i.Messages));
        var said = says.Length == 0 || feedback.Contains(says, StringComparison.Ordinal);
        return new Expectation(submission,
            $"loses exactly [{string.Join(", ", expected)}]" + (says.Length > 0 ? $" and says \"{says}\"" : ""),
            $"loses [{string.Join(", ", lost)}]{(said ? "" : ", and the feedback does not say it")}; {Describe(graded)}", lost.SequenceEqual(expected) && said, graded.ExecutionSeconds);
    }

    /// <summary>Runs gradings one child process per core at a time; the list returned keeps their order.</summary>
    public static IReadOnlyList<T> RunAll<T>(IReadOnlyList<Func<T>> gradings, Action<T> progress)
    {
        var results = new T[gradings.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, gradings.Count, parallel, i =>
            {
                results[i] = gradings[i]();
                lock (results)
                    progress(results[i]);
            });
        }
        catch (AggregateException e)
        {
            // The cause, not "one or more errors occurred"; a UserError first, since the CLI explains those.
            ExceptionDispatchInfo.Throw(e.InnerExceptions.OfType<UserError>().FirstOrDefault() ?? e.InnerExceptions[0]);
        }
        return results;
    }

    /// <summary>Fault ids name folders that are written at the same time, so each must be its own plain name.</summary>
    private static void CheckFaultIds(AssignmentManifest manifest)
    {
        var taken = new HashSet<string>(["reference", "starter"]);
        foreach (var fault in manifest.Faults)
        {
            if (string.IsNullOrWhiteSpace(fault.Id) || fault.Id is "." or ".." || fault.Id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                throw new UserError($"Fault id '{fault.Id}' in {manifest.Grader}'s faults.yaml must be a plain folder name.");
            if (!taken.Add(fault.Id))
                throw new UserError($"Fault id '{fault.Id}' in {manifest.Grader}'s faults.yaml is used twice or names the reference or starter folder; give each fault its own id.");
        }
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

    private static string Describe(GradeReport report) => report.ScoreText;
}
