namespace GradingHost.Rubric;

/// <summary>A figure the grader measured that the student may want to see (e.g. dev perplexity vs. threshold).</summary>
public sealed record Measurement(string Name, string Value);
