using System.Text;
using GradingHost.Checks.Manifest;
using GradingHost.Pipeline;
using GradingHost.Rubric;
using GradingHost.Worker.Compiling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GradingHost.Mutation;

/// <summary>
/// `gradinghost mutate`: measures a grader by how many automatic mutants of the reference it kills
/// (grades below full marks). Mutants are made in the assignment's own reference folder (the first
/// entry of the manifest's reference list), compiled here first so that those that are no program, or
/// the very same program, are never graded; the rest are graded with the fast checks, and only those
/// that survive are graded again with training. A survivor is a gap, or an equivalent mutant to record
/// in grader/&lt;Grader&gt;/equivalent-mutants.yaml with the reason.
/// </summary>
public sealed class MutationTesting(RepositoryLayout layout, GradingPipeline pipeline)
{
    /// <summary>A mutant's fast grading runs in seconds; one that takes minutes has been caught looping.</summary>
    private static readonly TimeSpan FastTimeLimit = TimeSpan.FromMinutes(3);

    /// <param name="only">when given, only mutants whose id contains it</param>
    /// <param name="limit">when given, at most this many of the mutants to grade, spread evenly over them</param>
    /// <param name="fastOnly">survivors of the fast checks are reported without the training pass</param>
    public MutationReport Run(AssignmentManifest manifest, string outDirectory, string profile, GradingOptions options,
        string? only, int? limit, bool fastOnly, Action<MutantResult> progress)
    {
        var reference = SubmissionSource.Gather(manifest.Reference, layout, Path.Combine(outDirectory, "reference"));
        var equivalents = EquivalentMutants.Load(Path.Combine(layout.Root, "grader", manifest.Grader, EquivalentMutants.FileName));
        var candidates = Candidates(manifest, reference, only);
        var stale = equivalents.Equivalent.Select(e => e.Id).Except(candidates.Select(c => c.Mutant.Id)).ToList();

        var settled = new List<MutantResult>();
        var generated = 0;
        var toGrade = new List<(Mutant Mutant, int Number)>();
        foreach (var (candidate, number) in candidates.Select((c, i) => (c, i + 1)))
        {
            if (!Selected(candidate.Mutant, only))
                continue;
            generated++;
            if (candidate.Settled is { } fate)
                settled.Add(fate);
            else if (equivalents.Equivalent.FirstOrDefault(e => e.Id == candidate.Mutant.Id) is { } equivalent)
                settled.Add(new MutantResult(candidate.Mutant, MutantFate.Equivalent, [], equivalent.Why));
            else
                toGrade.Add((candidate.Mutant, number));
        }
        if (limit is { } most && most < toGrade.Count)
            toGrade = Enumerable.Range(0, most).Select(i => toGrade[i * toGrade.Count / most]).ToList();

        var fastOptions = options with { FastChecksOnly = true, TimeLimit = FastTimeLimit };
        var fast = Verification.RunAll(toGrade.Select(m => (Func<MutantResult>)(() =>
            Grade(manifest, reference, m.Mutant, Folder(outDirectory, m.Number, "fast"), profile, fastOptions))).ToList(),
            r => { if (r.Fate != MutantFate.Survived || fastOnly) progress(r); });
        var survivors = fast.Select((r, i) => (r, toGrade[i].Number)).Where(x => x.r.Fate == MutantFate.Survived).ToList();
        var full = fastOnly
            ? survivors.Select(s => s.r with { Detail = "survived the fast checks (training not run: --fast)" }).ToList()
            : Verification.RunAll(survivors.Select(s => (Func<MutantResult>)(() =>
                Grade(manifest, reference, s.r.Mutant, Folder(outDirectory, s.Number, "full"), profile, options))).ToList(), progress);

        var graded = fast.Where(r => r.Fate != MutantFate.Survived).Concat(full);
        return new MutationReport(manifest, manifest.Reference[0], generated, settled.Concat(graded).OrderBy(r => r.Mutant.File, StringComparer.Ordinal).ThenBy(r => r.Mutant.Start).ToList(),
            stale);
    }

    private sealed record Candidate(Mutant Mutant, MutantResult? Settled);

    private static bool Selected(Mutant mutant, string? only) => only is null || mutant.Id.Contains(only, StringComparison.Ordinal);

    /// <summary>
    /// Every mutant of the mutated files, with those selected that need no grading (no program, the same
    /// program) settled; the others are compiled not at all, since only their ids are wanted (stale equivalents).
    /// </summary>
    private IReadOnlyList<Candidate> Candidates(AssignmentManifest manifest, string reference, string? only)
    {
        var compilation = SubmissionCompilation.Create(reference, "Submission");
        compilation = compilation.WithOptions(compilation.Options.WithDeterministic(true));
        var original = Emit(compilation)
            ?? throw new UserError($"The {manifest.Id} reference does not compile, so it has no mutants: {string.Join("; ", compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3))}");
        var mutated = MutatedFiles(manifest);
        var candidates = new List<Candidate>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => mutated.Contains(t.FilePath)))
        {
            var text = tree.GetText().ToString();
            var mutants = MutantGenerator.Generate(tree.FilePath, tree, compilation.GetSemanticModel(tree));
            candidates.AddRange(mutants.AsParallel().AsOrdered().Select(mutant =>
            {
                if (!Selected(mutant, only))
                    return new Candidate(mutant, null);
                var changed = CSharpSyntaxTree.ParseText(mutant.Apply(text), (CSharpParseOptions)tree.Options, tree.FilePath, Encoding.UTF8);
                var program = Emit(compilation.ReplaceSyntaxTree(tree, changed));
                return new Candidate(mutant, program is null ? new MutantResult(mutant, MutantFate.DidNotCompile, [], "does not compile")
                    : program.AsSpan().SequenceEqual(original) ? new MutantResult(mutant, MutantFate.SameProgram, [], "compiles to the reference's very program")
                    : null);
            }));
        }
        return candidates;
    }

    /// <summary>The files of the assignment's own reference folder, relative to the gathered reference.</summary>
    private HashSet<string> MutatedFiles(AssignmentManifest manifest)
    {
        var own = layout.PathInRepository(manifest.Reference[0]);
        return Directory.Exists(own)
            ? SubmissionCompilation.SourceFiles(own).Select(f => Path.GetRelativePath(own, f)).ToHashSet()
            : [Path.GetFileName(own)];
    }

    private static byte[]? Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Success ? stream.ToArray() : null;
    }

    private static string Folder(string outDirectory, int number, string pass) => Path.Combine(outDirectory, $"mutant-{number:D3}", pass);

    /// <summary>
    /// Grades one mutant. In the fast pass the skipped checks count as passed, so "killed" means that the
    /// checks that did run already cost points; what they cannot tell apart goes on to the full pass.
    /// </summary>
    private MutantResult Grade(AssignmentManifest manifest, string reference, Mutant mutant, string outDirectory, string profile, GradingOptions options)
    {
        var source = Path.Combine(outDirectory, "source");
        SubmissionSource.Gather([reference], layout, source);
        var file = Path.Combine(source, mutant.File);
        File.WriteAllText(file, mutant.Apply(File.ReadAllText(file)));
        var report = pipeline.Grade(manifest, source, outDirectory, profile, options);
        var pass = options.FastChecksOnly ? "fast checks" : "full grading, training included";
        if (report.InternalError)
            return new MutantResult(mutant, MutantFate.GraderFailed, [], report.Summary.Split('\n')[0]);
        if (report.Outcomes.Count == 0)
            return new MutantResult(mutant, MutantFate.Killed, [], $"not graded ({pass}): {report.Summary.Split('\n')[0]}");
        var items = options.FastChecksOnly
            ? Scorer.Score(manifest, manifest.Items.SelectMany(i => i.Checks).Distinct().ToDictionary(c => c, c =>
                report.Outcomes.GetValueOrDefault(c) is { Verdict: not CheckVerdict.NotRun } ran ? ran : new CheckOutcome(c, CheckVerdict.Passed, "")))
            : report.Items;
        var lost = items.Where(i => i.Earned < i.Possible).Select(i => i.Id).ToList();
        return lost.Count > 0
            ? new MutantResult(mutant, MutantFate.Killed, lost, $"by the {pass}")
            : new MutantResult(mutant, MutantFate.Survived, [], $"full marks after the {pass}");
    }
}
