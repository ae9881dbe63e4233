namespace GradingHost.Checks;

/// <summary>What the perplexity check measured, for the report.</summary>
public sealed record TrainingOutcome(string Profile, double Perplexity, double Threshold, int Steps, double Seconds);
