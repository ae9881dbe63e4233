namespace GradingHost.Checks.Manifest;

public sealed class RubricItem
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public double Points { get; set; }
    /// <summary>Gradescope visibility: "visible" checks are the public ones students can run; hidden ones show after publication.</summary>
    public string Visibility { get; set; } = "visible";
    /// <summary>Check names, "Class.Method" of the grader's xunit tests; the item's points are split evenly among them.</summary>
    public List<string> Checks { get; set; } = [];
    /// <summary>
    /// Items whose failure already explains a failure of this item's checks. A mistake is charged once:
    /// when one of these items lost points, this item's failing checks are reported but not charged.
    /// </summary>
    public List<string> ExcusedBy { get; set; } = [];
    /// <summary>
    /// Points beyond the assignment's total (the homework's extra-credit questions): earned, they add to
    /// the score; missing, they cost nothing.
    /// </summary>
    public bool ExtraCredit { get; set; }
    /// <summary>Where to look, shown with every lost point.</summary>
    public string Hint { get; set; } = "";
}
