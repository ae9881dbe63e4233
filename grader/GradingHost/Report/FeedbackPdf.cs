using System.Globalization;
using GradingHost.Checks;
using GradingHost.Rubric;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// Step 5: the student's feedback report as a PDF (SkiaSharp's PDF backend, ScottPlot for the figures).
/// The DejaVu fonts in Report/Fonts next to the host are embedded, so the report looks the same
/// wherever it is opened, and its text can be searched and extracted.
/// </summary>
public static class FeedbackPdf
{
    /// <summary>Half the smallest difference the report can show: a smaller loss would read "lost 0 points".</summary>
    private const double Unshown = 0.005;

    /// <summary>
    /// Writes the student's feedback report as a PDF. Should a figure or table fail to render (the data
    /// comes from a grading that may have stopped half-way), the report is written again with the
    /// rubric and messages only, so that a report always exists.
    /// </summary>
    public static void Write(GradeReport report, string pdfPath)
    {
        try
        {
            WriteFull(report, pdfPath);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WriteFull(report with
            {
                Summary = report.Summary + "\n(The report's figures could not be drawn and are left out.)",
                Measurements = [],
                Attention = null,
                Figures = [],
            }, pdfPath);
        }
    }

    private static void WriteFull(GradeReport report, string pdfPath)
    {
        var title = $"Feedback — {report.AssignmentTitle}";
        using var writer = new ReportWriter();

        writer.Title(title);
        writer.Facts([
            ("Student", report.Student),
            ("Assignment", report.AssignmentId),
            ("Score", report.ScoreText),
            ("Graded", report.GradedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"),
            ("Grader version", report.GraderVersion),
            ("Profile", report.Profile),
            ("Student code ran in", report.Isolation),
        ]);

        writer.Heading("Summary");
        writer.Paragraph(report.Summary);

        writer.Heading("Rubric");
        writer.RubricTable(report.Items, report.Score, report.MaxScore);

        if (report.Measurements.Count > 0)
        {
            writer.Heading("Measurements");
            writer.Facts(report.Measurements.Select(m => (m.Name, m.Value)).ToList());
        }

        WhatToFix(writer, report.Items.Where(i => i.Possible - i.Earned >= Unshown).ToList());
        Notes(writer, report.Items.Where(i => i.Possible - i.Earned < Unshown && i.Messages.Count > 0).ToList());
        foreach (var figure in report.Figures)
            writer.FigureSection(figure);
        if (report.Attention is { Reference.Length: > 0 } attention)
            Attention(writer, attention);

        // Start from Default: a bare new() has encoding quality 0, which turns the colour bar into blocky JPEG.
        writer.Save(pdfPath, SKDocumentPdfMetadata.Default with
        {
            Title = title,
            Subject = $"{report.Student}: {report.ScoreText}",
            Creator = $"GradingHost {report.GraderVersion}",
            // When it was graded, as the report's "Graded" line says; a regrade differs from the first grading only there.
            Creation = report.GradedAt.UtcDateTime,
            Modified = report.GradedAt.UtcDateTime,
        }, footer: $"{report.Student} · {report.AssignmentId}");
    }

    private static void WhatToFix(ReportWriter writer, IReadOnlyList<ItemResult> lost)
    {
        writer.Heading("What to fix");
        if (lost.Count == 0)
        {
            writer.Paragraph("Nothing: every rubric item earned all its points.");
            return;
        }
        foreach (var item in lost)
        {
            writer.Subheading(item.Label,
                $"lost {ReportText.Number(item.Possible - item.Earned)} of {ReportText.Points(item.Possible)} · {ReportText.Word(item.Status)}");
            foreach (var message in item.Messages)
                writer.Bullet(message);
        }
    }

    /// <summary>Messages on items that kept their points, e.g. a failure not charged twice.</summary>
    private static void Notes(ReportWriter writer, IReadOnlyList<ItemResult> noted)
    {
        if (noted.Count == 0)
            return;
        writer.Heading("Notes");
        foreach (var item in noted)
        {
            writer.Subheading(item.Label);
            foreach (var message in item.Messages)
                writer.Bullet(message);
        }
    }

    private static void Attention(ReportWriter writer, AttentionPattern pattern)
    {
        const string reading = "Row i shows how much query position i attends to each key position, from 0 (none) to 1 (all)";
        const string causal = "In causal self-attention every weight above the diagonal is 0.";
        var caption = pattern.Submission is null
            ? $"{reading}. {causal}"
            : $"{reading}, on the same colour scale in both heatmaps. Both use the trained reference's weights, so any difference comes from your code. {causal}";
        if (AttentionHeatmaps.HasInvalidCells(pattern))
            caption += $" Cells in {AttentionHeatmaps.InvalidCellColorName} are weights your code did not produce, or produced as NaN or infinity.";
        var note = pattern.Submission is null
            ? "Your submission did not run far enough to produce attention weights, so only the reference's are shown."
            : null;
        writer.AttentionSection("Attention weights on a sample sentence", caption, note, pattern);
    }
}
