namespace GradingHost.Checks;

/// <summary>The report's attention figure: one row per query token. Submission is null when its code failed.</summary>
public sealed record AttentionPattern(IReadOnlyList<string> Tokens, double[][] Reference, double[][]? Submission);
