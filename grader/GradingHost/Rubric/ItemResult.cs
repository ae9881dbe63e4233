namespace GradingHost.Rubric;

/// <summary>One rubric item's outcome, as the student sees it.</summary>
/// <param name="Messages">one line per failed (or excused) check, in the student's terms</param>
/// <param name="ExtraCredit">its points come on top of the total, so not earning them costs nothing</param>
public sealed record ItemResult(
    string Id,
    string Title,
    double Earned,
    double Possible,
    ItemStatus Status,
    string Visibility,
    IReadOnlyList<string> Messages,
    bool ExtraCredit = false)
{
    /// <summary>The title as rubric tables show it, marked when the item is extra credit.</summary>
    public string Label => ExtraCredit ? $"{Title} (extra credit)" : Title;
}
