using GradingHost.Pipeline;

namespace GradingHost.Tests;

/// <summary>
/// Every example submission graded once, as `gradinghost examples` grades them (one grading per core at a
/// time, which is most of the suite's time saved on two cores); the tests read the outcomes.
/// </summary>
public sealed class GradedExamples
{
    public GradedExamples()
    {
        var layout = RepositoryLayout.Discover();
        using var pipeline = new GradingPipeline(layout);
        Outcomes = new Examples(layout, pipeline).Grade(layout.AssignmentIds, Path.Combine(layout.Root, "out", "test-examples"), GradingOptions.Default, _ => { });
    }

    public IReadOnlyList<Verification.Expectation> Outcomes { get; }
}
