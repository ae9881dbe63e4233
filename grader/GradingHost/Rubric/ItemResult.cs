namespace GradingHost.Rubric;

/// <summary>One rubric item's outcome, as the student sees it.</summary>
/// <param name="Messages">one line per failed (or excused) check, in the student's terms</param>
public sealed record ItemResult(
    string Id,
    string Title,
    double Earned,
    double Possible,
    ItemStatus Status,
    string Visibility,
    IReadOnlyList<string> Messages);
