using Course.Kit;
using Xunit;
using static GradingHost.Checks.Scaling.Models;
using static TorchSharp.torch;

namespace GradingHost.Checks.Scaling;

/// <summary>
/// Not a rubric check: the study the handout asks for, run with the student's own code on the model family
/// and the study stories, for the report: perplexity against size on log axes with 95 % intervals and the
/// fitted power law, the per-story spread, perplexity against story length, the end of a story given its
/// beginning, and the characters that cost the most. Where a piece of the student's code fails, the
/// reference's stands in for that piece only, and the figure says so.
/// </summary>
public sealed class StudyForTheReport
{
    /// <summary>Stories whose second half is scored with and without the first as context.</summary>
    public const int ConditionalStories = 10;
    public const int TopTokens = 10;

    [Fact]
    public void RecordTheStudy()
    {
        var members = Family.Members(SubmissionUnderTest.Profile);
        var sizes = members.Select(m => (double)m.Config.Parameters).ToArray();
        var stories = Family.StudyStories;
        var notes = new List<string>();

        var perplexities = Either(() => StoryPerplexities.Student, () => StoryPerplexities.Reference, "Perplexity.Compute", notes);
        var means = perplexities.Select(p => p.Average()).ToArray();
        var intervals = perplexities.Select(p => Either(() => Submission.ConfidenceInterval(p),
            () => Homework.Scaling.Statistics.MeanWithConfidenceInterval(tensor(p)).data<double>().ToArray(), "Statistics.MeanWithConfidenceInterval", notes)).ToArray();
        var law = Either(() => Submission.PowerLaw(sizes, means),
            () => Homework.Scaling.Statistics.FitPowerLaw(tensor(sizes), tensor(means)).data<double>().ToArray(), "Statistics.FitPowerLaw", notes);
        var by = notes.Count == 0 ? "your code" : $"your code ({string.Join("; ", notes.Distinct())})";

        SizePlot(sizes, means, intervals, law, by);
        SpreadPlot(sizes, perplexities, by);
        LengthPlot(members[^1], stories, perplexities[^1], by);
        ContextTable(members, stories);
        TopTokenTable(members[^1], stories[0]);
        ReportArtifacts.Measurement("Power law fitted to the family's mean story perplexity", $"perplexity ≈ {law[1]:G3} · N^(−{law[0]:0.###}), α = {law[0]:0.###} ± {law[2]:0.###} ({by})");
    }

    private static void SizePlot(double[] sizes, double[] means, double[][] intervals, double[] law, string by)
    {
        var line = new[] { sizes[0] / 1.5, sizes[^1] * 1.5 };
        ReportArtifacts.Figure(new ScatterPlot(
            "Perplexity against model size",
            "parameters N", "mean story perplexity", LogX: true, LogY: true,
            [
                new PlotSeries("mean with its 95 % interval", sizes, means, intervals.Select(i => i[1]).ToArray(), intervals.Select(i => i[2]).ToArray()),
                new PlotSeries($"fit: {law[1]:G3} · N^(−{law[0]:0.###})", line, line.Select(n => law[1] * Math.Pow(n, -law[0])).ToArray(), Line: true, Markers: false),
            ],
            $"The family's four neural n-gram models on the {TinyStories.StudyStories} study stories; intervals, fit and exponent computed by {by}. " +
            "A power law is a straight line on log–log axes; its slope is −α.",
            Note: $"α = {law[0]:0.###} ± {law[2]:0.###}"));
    }

    private static void SpreadPlot(double[] sizes, double[][] perplexities, string by)
    {
        // Spread sideways a little (by a fixed pattern), so equal values stay visible as separate stories.
        var series = sizes.Select((n, m) => new PlotSeries($"{n:N0} parameters",
            perplexities[m].Select((_, s) => n * Math.Pow(1.12, (s % 7 - 3) / 3.0)).ToArray(), perplexities[m])).ToList();
        ReportArtifacts.Figure(new ScatterPlot("Per-story perplexity", "parameters N", "story perplexity", LogX: true, LogY: true, series,
            $"Each dot is one story (computed by {by}). The spread between stories is far larger than the interval of the mean: report it, not only the mean."));
    }

    private static void LengthPlot(NeuralNGramModel largest, IReadOnlyList<long[]> stories, double[] perplexities, string by)
    {
        var lengths = stories.Select(s => (double)s.Length).ToArray();
        var notes = new List<string>();
        var fit = Either(() => Submission.Line(lengths, perplexities),
            () => Homework.Scaling.Statistics.FitLine(tensor(lengths), tensor(perplexities)).data<double>().ToArray(), "Statistics.FitLine", notes);
        var fitBy = notes.Count == 0 ? "your FitLine" : string.Join("; ", notes);
        var ends = new[] { lengths.Min(), lengths.Max() };
        ReportArtifacts.Figure(new ScatterPlot($"Perplexity against story length ({largest.Config.Parameters:N0} parameters)", "story length (characters)", "story perplexity",
            LogX: false, LogY: false,
            [
                new PlotSeries("stories", lengths, perplexities),
                new PlotSeries("least-squares line", ends, ends.Select(x => fit[1] + fit[0] * x).ToArray(), Line: true, Markers: false),
            ],
            $"The length control: a line fitted by {fitBy} to the largest model's story perplexities (by {by}). A slope within about two standard errors of 0 says length does not explain the differences between stories.",
            Note: $"slope = {fit[0] * 100:0.###} ± {fit[2] * 100:0.###} per 100 characters"));
    }

    private static void ContextTable(IReadOnlyList<NeuralNGramModel> members, IReadOnlyList<long[]> stories)
    {
        var sample = stories.Take(ConditionalStories).ToList();
        var rows = members.Select(model =>
        {
            var notes = new List<string>();
            var alone = sample.Select(s => Either(() => Perplexity(model, s[(s.Length / 2)..]),
                () => Homework.Scaling.Perplexity.Compute(model, s[(s.Length / 2)..]).item<double>(), "Perplexity.Compute", notes)).Average();
            var given = sample.Select(s => Either(() => Conditional(model, s[..(s.Length / 2)], s[(s.Length / 2)..]),
                () => Homework.Scaling.Perplexity.Conditional(model, s[..(s.Length / 2)], s[(s.Length / 2)..]).item<double>(), "Perplexity.Conditional", notes)).Average();
            return (IReadOnlyList<string>)[$"{model.Config.Parameters:N0}", $"{alone:0.###}", $"{given:0.###}", notes.Count == 0 ? "yours" : string.Join("; ", notes.Distinct())];
        }).ToList();
        ReportArtifacts.Figure(new TextTable(
            $"The end of a story given its beginning: mean perplexity of the second half of the first {ConditionalStories} study stories",
            ["Parameters", "Second half alone", "Given the first half", "Computed by"], rows));
    }

    private static void TopTokenTable(NeuralNGramModel largest, long[] story)
    {
        var vocabulary = Family.Stories.Vocabulary;
        var notes = new List<string>();
        var nll = Either(() =>
        {
            using var probe = Family.StandIn(largest);
            return Submission.TokenNll(probe, story).data<double>().ToArray();
        }, () => Homework.Scaling.Perplexity.TokenNegativeLogLikelihoods(largest, story).data<double>().ToArray(), "Perplexity.TokenNegativeLogLikelihoods", notes);
        var top = Either(() => Submission.Top(tensor(nll), TopTokens),
            () => Homework.Scaling.Perplexity.TopContributors(tensor(nll), TopTokens), "Perplexity.TopContributors", notes);
        var rows = top.Where(p => p >= 1 && p < story.Length).Select(p => (IReadOnlyList<string>)
        [
            $"{p}",
            Show(vocabulary.Decode(story[(int)Math.Max(0, p - 24)..(int)p])) + " ▸ " + Show(vocabulary.Decode([story[p]])),
            $"{nll[p - 1]:0.##}",
            $"{Math.Exp(-nll[p - 1]):0.####}",
        ]).ToList();
        ReportArtifacts.Figure(new TextTable(
            $"The {TopTokens} characters that cost the most in study story 1 (largest model; by {(notes.Count == 0 ? "your code" : string.Join("; ", notes.Distinct()))})",
            ["Position", "Text before ▸ the character", "NLL (nats)", "Probability"], rows));
    }

    private static double Perplexity(NeuralNGramModel model, long[] text)
    {
        using var probe = Family.StandIn(model);
        return Submission.Perplexity(probe, text);
    }

    private static double Conditional(NeuralNGramModel model, long[] context, long[] continuation)
    {
        using var probe = Family.StandIn(model);
        return Submission.ConditionalPerplexity(probe, context, continuation);
    }

    private static string Show(string text) => text.Replace("\n", "↵").Replace(TinyStories.EndOfStory.ToString(), "⟂");

    /// <summary>The student's answer, or the reference's with a note saying why, when the student's code fails or is not written yet.</summary>
    private static T Either<T>(Func<T> student, Func<T> reference, string method, List<string> notes)
    {
        try
        {
            var value = student();
            if (value is double d && !double.IsFinite(d) || value is double[] a && a.Any(v => !double.IsFinite(v)) || value is double[][] m && m.Any(r => r.Any(v => !double.IsFinite(v))))
                throw new StudentFeedback("not finite");
            return value;
        }
        catch (Exception e) when (e is StudentFeedback or StudentCodeFailed or NotImplementedException)
        {
            notes.Add($"the reference's {method}: yours {(e is NotImplementedException ? "is not implemented yet" : "failed")}");
            return reference();
        }
    }
}
