namespace GradingHost.Checks.Manifest;

/// <summary>
/// A training profile the assignment is calibrated for, with its dev-perplexity bar when a rubric item
/// grades perplexity. An assignment that trains a model only for its report lists the profile without
/// a threshold, so the host still refuses profiles nobody has measured.
/// </summary>
public sealed class PerplexityThreshold
{
    public double? Threshold { get; set; }
    /// <summary>How the threshold was obtained: the reference's figures and the margin.</summary>
    public string Calibration { get; set; } = "";

    /// <summary>The bar a training check compares with; a manifest whose training item lacks one is an instructor's error.</summary>
    public double Bar => Threshold ?? throw new InvalidDataException(
        "assignment.yaml lists this profile without a perplexity threshold, but a check grades perplexity: add the calibrated threshold.");
}
