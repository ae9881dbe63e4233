namespace GradingHost.Checks.Manifest;

/// <summary>A dev-perplexity bar, calibrated from the reference with a stated margin.</summary>
public sealed class PerplexityThreshold
{
    public double Threshold { get; set; }
    /// <summary>How the threshold was obtained: the reference's figures and the margin.</summary>
    public string Calibration { get; set; } = "";
}
