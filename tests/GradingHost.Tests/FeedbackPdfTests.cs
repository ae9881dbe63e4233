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
}
