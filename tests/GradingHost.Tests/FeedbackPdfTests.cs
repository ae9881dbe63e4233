using GradingHost.Checks;
using GradingHost.Report;
using GradingHost.Rubric;
using UglyToad.PdfPig;
using Xunit;

namespace GradingHost.Tests;

[Collection(VerifiedAssignmentsCollection.Name)]
public sealed class FeedbackPdfTests(VerifiedAssignments verified)
{
    [Fact]
    public void PdfShowsTheRubricAndExplainsTheLostItem()
    {
        var text = TextOf("no-scale");
        var manifest = verified.Manifests["attention"];
        foreach (var item in manifest.Items)
            Assert.Contains(Normalise(item.Title), text);
        Assert.Contains("√d_k", text);
        Assert.Contains(manifest.Title.Split(':')[0], text);
    }

    [Fact]
    public void PdfEmbedsItsFontsAndHasTheAttentionFigure()
    {
        using var pdf = PdfDocument.Open(verified.OutputOf("attention", "mask-after-softmax", "feedback.pdf"));
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters.Select(l => l.FontName).Distinct(), name => Assert.Contains("DejaVu", name));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Your submission", text);
    }

    [Fact]
    public void StarterReportSaysNotImplemented() =>
        Assert.Contains("not implemented", TextOf("starter"));

    private string TextOf(string variant)
    {
        using var pdf = PdfDocument.Open(verified.OutputOf("attention", variant, "feedback.pdf"));
        return Normalise(string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
    }

    /// <summary>Word extraction loses line breaks inside wrapped titles; compare on single spaces.</summary>
    private static string Normalise(string text) => string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Scatter plots in reports built here rather than graded: they need none of the verified assignments'
    /// outputs, so they stay out of that collection and run without waiting for its verification.
    /// </summary>
    public sealed class ScatterPlotSections
    {
        private const string FigureFailure = "could not be drawn";

        [Fact]
        public void ALogLogPlotShowsItsTitleAxesAndNote()
        {
            double[] compute = [1e3, 3e3, 1e4, 3e4, 1e5];
            double[] loss = [5.1, 4.2, 3.6, 3.0, 2.6];
            var plot = new ScatterPlot("Dev loss against training compute", "Training compute (FLOPs)", "Dev loss", LogX: true, LogY: true,
                [
                    new PlotSeries("Your runs", compute, loss, Low: loss.Select(l => l * 0.95).ToList(), High: loss.Select(l => l * 1.05).ToList()),
                    new PlotSeries("Power-law fit", [1e3, 1e5], [5.0, 2.6], Line: true, Markers: false),
                ],
                "The loss falls on a straight line in log–log axes: a power law in compute.",
                Note: "α = 0.21 ± 0.03");

            var (text, letters) = Render(plot);
            Assert.DoesNotContain(FigureFailure, text);
            foreach (var expected in new[] { plot.Title, plot.XAxis, plot.YAxis, "α = 0.21 ± 0.03", "Power-law fit", "10k", "100k" })
                Assert.Contains(Squeezed(expected), letters);
            Assert.Contains("straight line", text);
        }

        [Fact]
        public void ValuesALogAxisCannotShowAreLeftOut()
        {
            var plot = new ScatterPlot("Broken measurements", "x", "y", LogX: true, LogY: true,
                [
                    new PlotSeries("runs", [double.NaN, -1, 0, 10, 100, double.PositiveInfinity, 1000], [1, 2, 3, -4, 5, 6, double.NaN],
                        Low: [0, -1], High: [double.NaN, 1, 2, 3, 100, 7, 8, 9, 10]),
                    new PlotSeries("empty", [], []),
                    new PlotSeries("mismatched", [1, 2, 3], [4]),
                ],
                "caption", Note: "");
            var nothing = plot with { Title = "Nothing to show", Series = [new PlotSeries("", [-1, double.NaN], [1, 2])] };

            var (text, letters) = Render(plot, nothing, nothing with { Title = "Linear", LogX = false, LogY = false, Series = [] });
            Assert.DoesNotContain(FigureFailure, text);
            Assert.Contains("Broken measurements", text);
            Assert.Contains("Nothing to show", text);
            Assert.Contains(Squeezed("No values to plot"), letters);
        }

        [Fact]
        public void PlotsRoundTripThroughTheFiguresFileWithTheirKind()
        {
            var directory = Directory.CreateTempSubdirectory().FullName;
            var plot = new ScatterPlot("t", "x", "y", true, false, [new PlotSeries("s", [1, 2], [double.NaN, 3], High: [4, 5], Line: true)], "c", "n");
            File.WriteAllText(Path.Combine(directory, ReportArtifacts.FiguresFile),
                System.Text.Json.JsonSerializer.Serialize(new List<ReportFigure> { new TextTable("table", ["a"], [["b"]]), plot }, ReportArtifacts.Json));
            var figures = ReportArtifacts.ReadList<ReportFigure>(directory, ReportArtifacts.FiguresFile);
            Assert.IsType<TextTable>(figures[0]);
            var read = Assert.IsType<ScatterPlot>(figures[1]);
            Assert.Equal((plot.Title, plot.LogX, plot.Note), (read.Title, read.LogX, read.Note));
            var series = Assert.Single(read.Series);
            Assert.Equal([1, 2], series.X);
            Assert.True(double.IsNaN(series.Y[0]));
            Assert.Null(series.Low);
            Assert.Equal([4, 5], series.High!);
            Assert.True(series.Line && series.Markers);
        }

        /// <summary>The report's words, and its letters without spaces (ScottPlot's text, the rotated y-axis label above all, does not always come out as words).</summary>
        private static (string Words, string Letters) Render(params ScatterPlot[] plots)
        {
            var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "feedback.pdf");
            ItemResult[] items = [new("fit", "Scaling fit", 1, 2, ItemStatus.Partial, "visible", ["The exponent is off."])];
            FeedbackPdf.Write(new GradeReport("student", "scaling", "Scaling laws", "cpu", "0", DateTimeOffset.UnixEpoch, 1, "summary", "sandbox",
                items, [], null, plots), path);
            using var pdf = PdfDocument.Open(path);
            var pages = pdf.GetPages().ToList();
            // The legend and the note are ScottPlot's text too: none of it may fall back to a system font.
            Assert.All(pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), name => Assert.Contains("DejaVu", name));
            return (Normalise(string.Join(" ", pages.SelectMany(p => p.GetWords()).Select(w => w.Text))),
                Squeezed(string.Concat(pages.SelectMany(p => p.Letters).Select(l => l.Value))));
        }

        private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}
