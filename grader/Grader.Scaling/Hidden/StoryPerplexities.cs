using System.Collections.Concurrent;
using Course.Kit;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The study's raw numbers: each family member's perplexity on each study story, computed once per grading
/// by the student's Perplexity.Compute (the whole-stories checks and the report read them), and once per
/// checker and profile by the reference.
/// </summary>
public static class StoryPerplexities
{
    private static readonly PerGrading<double[][]> Students = new(() => Compute(
        (model, story) =>
        {
            using var probe = Family.StandIn(model);
            return Models.Submission.Perplexity(probe, story);
        }));

    private static readonly ConcurrentDictionary<string, double[][]> References = new();

    /// <summary>[member][story], by the student's code; throws what it threw, in every check that reads it.</summary>
    public static double[][] Student => Students.Value;

    /// <summary>[member][story], by the reference, once per checker and profile.</summary>
    public static double[][] Reference => References.GetOrAdd(SubmissionUnderTest.Profile.Name, _ =>
        Compute((model, story) => Homework.Scaling.Perplexity.Compute(model, story).item<double>()));

    private static double[][] Compute(Func<NeuralNGramModel, long[], double> perplexity) =>
        Family.Members(SubmissionUnderTest.Profile)
            .Select(model => Family.StudyStories.Select(story => perplexity(model, story)).ToArray())
            .ToArray();
}
