using GradingHost.Checks;

namespace GradingHost.Checks.Scaling;

/// <summary>The scaling study's API names, and the submission's implementation of it (the seam: <see cref="Submission"/>).</summary>
public static class Models
{
    public const string Namespace = "Homework.Scaling";
    public const string PerplexityClass = "Perplexity";
    public const string StatisticsClass = "Statistics";

    public const string TokenNegativeLogLikelihoods = "TokenNegativeLogLikelihoods";
    public const string Compute = "Compute";
    public const string Conditional = "Conditional";
    public const string TopContributors = "TopContributors";
    public const string MeanWithConfidenceInterval = "MeanWithConfidenceInterval";
    public const string FitLine = "FitLine";
    public const string FitPowerLaw = "FitPowerLaw";

    /// <summary>The submission's code in the sandboxed worker.</summary>
    public static Implementation Code { get; } = Implementation.Submission(Namespace);

    public static ScalingApi Submission { get; } = new(Code);
}
