namespace GradingHost.Rubric;

/// <summary>One entry of results.json's tests[]: here, one rubric item.</summary>
public sealed record ResultsTest(
    string Name,
    string Number,
    double Score,
    double MaxScore,
    string Status,
    string Output,
    string Visibility);
