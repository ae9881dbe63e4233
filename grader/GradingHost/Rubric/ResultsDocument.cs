namespace GradingHost.Rubric;

/// <summary>
/// The top level of Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
/// The spec's optional execution_time is left out: how long a grading took tells whether a training was
/// reused, which nothing shown to a student should.
/// </summary>
public sealed record ResultsDocument(
    double Score,
    string Output,
    string Visibility,
    string StdoutVisibility,
    IReadOnlyList<ResultsTest> Tests);
