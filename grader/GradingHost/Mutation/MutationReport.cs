using System.Globalization;
using GradingHost.Checks.Manifest;

namespace GradingHost.Mutation;

/// <summary>The outcome of `gradinghost mutate` for one assignment, and the text it prints.</summary>
/// <param name="Mutated">the reference folder or file the mutants were made in</param>
/// <param name="StaleEquivalents">recorded equivalent mutants that no longer match a mutant (the reference changed)</param>
/// <param name="Generated">every mutant made (those --only selects); more than <see cref="Results"/> when --limit left some ungraded</param>
public sealed record MutationReport(AssignmentManifest Manifest, string Mutated, int Generated, IReadOnlyList<MutantResult> Results, IReadOnlyList<string> StaleEquivalents)
{
    public int Killed => Results.Count(r => r.Fate == MutantFate.Killed);
    public int Counted => Results.Count(r => r.Counted);

    /// <summary>Rounded down, so that 94.6% never reads as 95%.</summary>
    public int ScorePercent => Counted == 0 ? 100 : (int)Math.Floor(100.0 * Killed / Counted);

    /// <summary>The report, ending with the score line.</summary>
    public IEnumerable<string> Lines()
    {
        int Count(MutantFate fate) => Results.Count(r => r.Fate == fate);
        yield return $"mutate {Manifest.Id}: {Generated} mutants of {Mutated}: {Count(MutantFate.DidNotCompile)} do not compile, " +
                     $"{Count(MutantFate.SameProgram)} compile to the reference's program, {Count(MutantFate.Equivalent)} recorded as equivalent, {Counted} graded" +
                     (Generated > Results.Count ? $", {Generated - Results.Count} left out (--limit)" : "");
        yield return "";
        yield return "Killed, per rubric item (a mutant counts under every item it cost points):";
        foreach (var item in Manifest.Items)
            yield return string.Create(CultureInfo.InvariantCulture, $"  {item.Id,-22} {Results.Count(r => r.Fate == MutantFate.Killed && r.Lost.Contains(item.Id)),4}");
        foreach (var file in Results.Where(r => r.Counted).GroupBy(r => r.Mutant.File).OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return $"  in {file.Key}: {file.Count(r => r.Fate == MutantFate.Killed)} of {file.Count()} killed";
        var survivors = Results.Where(r => r.Fate is MutantFate.Survived or MutantFate.GraderFailed).ToList();
        if (survivors.Count > 0)
        {
            yield return "";
            yield return $"Survivors: add a check that tells each apart, or record it with the reason in grader/{Manifest.Grader}/{EquivalentMutants.FileName}:";
            foreach (var survivor in survivors)
                yield return $"  - id: \"{survivor.Mutant.Id}\"   # {survivor.Detail}";
        }
        if (StaleEquivalents.Count > 0)
        {
            yield return "";
            yield return $"Recorded equivalents that match no mutant any more (the reference changed; remove or update them in {EquivalentMutants.FileName}):";
            foreach (var id in StaleEquivalents)
                yield return $"  - {id}";
        }
        yield return "";
        yield return $"mutation score {ScorePercent}% (killed {Killed} of {Counted} non-equivalent mutants)";
    }

    /// <summary>One line for a mutant as it is settled.</summary>
    public static string Describe(MutantResult result) => result.Fate switch
    {
        MutantFate.Killed => $"killed   {result.Mutant.Id}: " + (result.Lost.Count > 0 ? $"loses [{string.Join(", ", result.Lost)}] {result.Detail}" : result.Detail),
        MutantFate.Survived => $"SURVIVED {result.Mutant.Id}: {result.Detail}",
        MutantFate.GraderFailed => $"ERROR    {result.Mutant.Id}: the grader failed: {result.Detail}",
        _ => $"skipped  {result.Mutant.Id}: {result.Detail}",
    };
}
