namespace GradingHost.Rubric;

/// <summary>The top level of Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/).</summary>
public sealed record ResultsDocument(
    double Score,
    int ExecutionTime,
    string Output,
    string Visibility,
    string StdoutVisibility,
    IReadOnlyList<ResultsTest> Tests);
