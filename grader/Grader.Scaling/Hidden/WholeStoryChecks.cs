using Course.Kit;
using Xunit;
using static GradingHost.Checks.Scaling.Models;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// The study itself: Perplexity.Compute on every family member and every study story (hundreds of tokens
/// each) equals the reference's, so it stays exact and finite over a whole story, and the means fall
/// with model size.
/// </summary>
public sealed class WholeStoryChecks
{
    [Fact]
    public void EveryStoryMatchesTheReference()
    {
        var student = StoryPerplexities.Student;
        var reference = StoryPerplexities.Reference;
        var configs = ModelFamily.Members(Family.Stories.Vocabulary.Size);
        for (var m = 0; m < reference.Length; m++)
            Expect.Values(reference[m], student[m],
                $"{PerplexityClass}.{Compute} with the family's model of {configs[m].Parameters:N0} parameters on the {TinyStories.StudyStories} study stories (hundreds of tokens each)",
                Family.StudyStories.Select((s, i) => $"the perplexity of story {i + 1} ({s.Length} tokens)").ToArray());
    }

    [Fact]
    public void PerplexityFallsWithModelSize()
    {
        var means = StoryPerplexities.Student.Select(p => p.Average()).ToArray();
        if (means.Any(m => !double.IsFinite(m)))
            throw new StudentCodeFailed("Some story perplexities are not finite, so there is no trend to read; the check of every story says which.");
        var configs = ModelFamily.Members(Family.Stories.Vocabulary.Size);
        for (var m = 1; m < means.Length; m++)
            if (!(means[m] < means[m - 1]))
                throw new StudentFeedback(
                    $"Your mean story perplexity is {means[m]:G4} for the model of {configs[m].Parameters:N0} parameters and {means[m - 1]:G4} for the smaller one of {configs[m - 1].Parameters:N0}; " +
                    "the family's larger models predict these stories better, so a correct perplexity falls with size.");
    }
}
