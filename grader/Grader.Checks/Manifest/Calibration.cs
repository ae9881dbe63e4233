namespace GradingHost.Checks.Manifest;

/// <summary>
/// A profile's dev-perplexity bar and how it was measured, as `gradinghost calibrate` writes it: the
/// reference trained at several seeds, the bar the worst of them times the margin, rounded up.
/// </summary>
public sealed class Calibration
{
    /// <summary>The bar: a submission's trained model must reach at most this dev perplexity.</summary>
    public double DevPerplexity { get; set; }

    /// <summary>The bar over the reference's worst seed (1.10: ten per cent).</summary>
    public double Margin { get; set; }

    /// <summary>The reference at the profile's own seed, the one every grading trains with.</summary>
    public double AtGradingSeed { get; set; }

    /// <summary>The reference at each calibration seed.</summary>
    public Dictionary<ulong, double> Seeds { get; set; } = [];

    /// <summary>Where and with what it was measured (date, cores, TorchSharp, throughput).</summary>
    public string Measured { get; set; } = "";
}
