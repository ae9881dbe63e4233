using GradingHost.Checks.Manifest;

namespace GradingHost.Rubric;

/// <summary>
/// Step 4: check outcomes become rubric points. An item's points are split evenly among its checks
/// (partial credit). A mistake is charged once: a check that gave a wrong answer, in an item whose
/// <c>excused_by</c> names an item that already lost points, is reported with the reason but costs
/// nothing. Excusing never pays for code that did not work: a check whose code threw, crashed, hung
/// or is not implemented earns nothing, excused or not.
/// </summary>
public static class Scorer
{
    public static IReadOnlyList<ItemResult> Score(AssignmentManifest manifest, IReadOnlyDictionary<string, CheckOutcome> outcomes)
    {
        CheckOutcome OutcomeOf(string check) =>
            outcomes.GetValueOrDefault(check) ?? new CheckOutcome(check, CheckVerdict.NotRun, "This check did not run.");

        var lostBeforeExcuses = manifest.Items
            .Where(i => i.Checks.Any(c => OutcomeOf(c).Verdict != CheckVerdict.Passed))
            .ToDictionary(i => i.Id, i => i.Title);

        return manifest.Items.Select(item =>
        {
            var share = item.Points / Math.Max(1, item.Checks.Count);
            var excusedBy = item.ExcusedBy.Where(lostBeforeExcuses.ContainsKey).Select(id => lostBeforeExcuses[id]).ToList();
            double earned = 0;
            var messages = new List<string>();
            var verdicts = new List<CheckVerdict>();
            foreach (var outcome in item.Checks.Select(OutcomeOf))
            {
                if (outcome.Verdict == CheckVerdict.Passed)
                {
                    earned += share;
                    verdicts.Add(CheckVerdict.Passed);
                }
                else if (outcome.Verdict == CheckVerdict.Failed && excusedBy.Count > 0)
                {
                    earned += share;
                    verdicts.Add(CheckVerdict.Passed);
                    messages.Add($"Not charged here: {outcome.Message} This follows from the mistake already charged under \"{string.Join("\", \"", excusedBy)}\"; fix that first.");
                }
                else
                {
                    verdicts.Add(outcome.Verdict);
                    messages.Add(outcome.Message);
                }
            }
            var lost = earned < item.Points - 1e-9;
            if (lost && item.Hint.Length > 0)
                messages.Add($"Where to look: {item.Hint}");
            return new ItemResult(item.Id, item.Title, Math.Round(earned, 2), item.Points, StatusOf(verdicts), item.Visibility, messages, item.ExtraCredit);
        }).ToList();
    }

    private static ItemStatus StatusOf(IReadOnlyList<CheckVerdict> verdicts) =>
        verdicts.All(v => v == CheckVerdict.Passed) ? ItemStatus.Passed
        : verdicts.Any(v => v == CheckVerdict.NotImplemented) && verdicts.All(v => v != CheckVerdict.Passed) ? ItemStatus.NotImplemented
        : verdicts.All(v => v == CheckVerdict.NotRun) ? ItemStatus.NotRun
        : verdicts.Any(v => v == CheckVerdict.Passed) ? ItemStatus.Partial
        : ItemStatus.Failed;

    /// <summary>Every item gets zero with the same reason: the submission could not be compiled or run.</summary>
    public static IReadOnlyList<ItemResult> NothingRan(AssignmentManifest manifest, string reason) =>
        manifest.Items.Select(i => new ItemResult(i.Id, i.Title, 0, i.Points, ItemStatus.NotRun, i.Visibility, [reason], i.ExtraCredit)).ToList();
}
