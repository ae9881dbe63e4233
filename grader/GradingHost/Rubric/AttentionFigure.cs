namespace GradingHost.Rubric;

/// <summary>Attention weights (T × T, row = query position) on a sample sentence, for the report's figure.</summary>
/// <param name="Tokens">the T tokens of the sample sentence, as text</param>
/// <param name="Submission">the submission's weights; null when its code did not get that far</param>
public sealed record AttentionFigure(
    IReadOnlyList<string> Tokens,
    double[][] Reference,
    double[][]? Submission);
