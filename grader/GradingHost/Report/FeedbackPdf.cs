using GradingHost.Rubric;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>Step 5: the student's feedback report, drawn with SkiaSharp's PDF backend (fonts embedded, text extractable).</summary>
public static class FeedbackPdf
{
    public static void Write(GradeReport report, string pdfPath)
    {
        using var stream = File.Create(pdfPath);
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"Feedback — {report.AssignmentTitle}",
            Creator = $"GradingHost {report.GraderVersion}",
            Subject = report.Student,
        });
        var page = new PageWriter(document);
        page.Title($"Feedback — {report.AssignmentTitle}");
        page.KeyValues([
            ("Student", report.Student),
            ("Assignment", report.AssignmentId),
            ("Score", $"{Points(report.Score)} / {Points(report.MaxScore)}"),
            ("Graded", report.GradedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm") + " UTC"),
            ("Grader", $"GradingHost {report.GraderVersion}, profile {report.Profile}"),
        ]);
        page.Paragraph(report.Summary);

        page.Heading("Rubric");
        page.Table(report.Items);

        if (report.Measurements.Count > 0)
        {
            page.Heading("Measurements");
            page.KeyValues(report.Measurements.Select(m => (m.Name, m.Value)).ToList());
        }

        var lost = report.Items.Where(i => i.Earned < i.Possible).ToList();
        if (lost.Count > 0)
        {
            page.Heading("What to fix");
            foreach (var item in lost)
            {
                page.Subheading($"{item.Title} (−{Points(item.Possible - item.Earned)} of {Points(item.Possible)})");
                foreach (var message in item.Messages)
                    page.Bullet(message);
            }
        }
        var notes = report.Items.Where(i => i.Earned >= i.Possible && i.Messages.Count > 0).ToList();
        if (notes.Count > 0)
        {
            page.Heading("Notes");
            foreach (var item in notes)
            {
                page.Subheading(item.Title);
                foreach (var message in item.Messages)
                    page.Bullet(message);
            }
        }
        foreach (var chart in report.Charts)
        {
            page.Heading(chart.Title);
            page.Chart(chart);
        }
        foreach (var table in report.Tables)
        {
            page.Heading(table.Title);
            page.TextTable(table);
        }
        if (report.Attention is { } figure)
        {
            page.Heading("Attention pattern (first layer, sample sentence)");
            page.Paragraph("Both models hold the trained reference's weights, so any difference comes from your code. " +
                           "Rows are query positions, columns the positions they attend to; a correct causal pattern is zero above the diagonal.");
            page.Figure(figure);
        }
        page.Finish();
        document.Close();
    }

    public static string Points(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
