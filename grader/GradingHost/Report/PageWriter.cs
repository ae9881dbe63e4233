using GradingHost.Checks;
using GradingHost.Rubric;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>Flows text, tables and figures down A4 pages, starting a new page when one is full.</summary>
public sealed class PageWriter(SKDocument document)
{
    private const float Width = 595, Height = 842, Margin = 50, Right = Width - Margin, Bottom = Height - Margin, KeyWidth = 175;

    private readonly SKFont _body = new(ReportFonts.Sans, 10);
    private readonly SKFont _bold = new(ReportFonts.Bold, 10);
    private readonly SKFont _heading = new(ReportFonts.Bold, 13);
    private readonly SKFont _title = new(ReportFonts.Bold, 17);
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _grey = new() { Color = new SKColor(0x60, 0x60, 0x60), IsAntialias = true };
    private SKCanvas? _canvas;
    private float _y;
    private int _pageNumber;

    private SKCanvas Canvas => _canvas ?? NewPage();

    public void Title(string text)
    {
        foreach (var line in Wrap(text, _title, Right - Margin))
            Line(line, _title, Margin, 22);
        _y += 6;
    }

    public void Heading(string text)
    {
        Need(40);
        _y += 10;
        Line(text, _heading, Margin, 18);
        Canvas.DrawLine(Margin, _y + 1, Right, _y + 1, _grey);
        _y += 5;
    }

    public void Subheading(string text)
    {
        _y += 4;
        foreach (var line in Wrap(text, _bold, Right - Margin))
            Line(line, _bold, Margin, 14);
    }

    public void Paragraph(string text)
    {
        foreach (var part in text.Split('\n'))
            foreach (var line in Wrap(part, _body, Right - Margin))
                Line(line, _body, Margin, 13);
        _y += 4;
    }

    public void Bullet(string text)
    {
        var first = true;
        foreach (var line in Wrap(text, _body, Right - Margin - 14))
        {
            if (first)
            {
                Need(13);
                Canvas.DrawText("•", Margin + 2, _y + 10, SKTextAlign.Left, _body, _ink);
            }
            Line(line, _body, Margin + 14, 13);
            first = false;
        }
        _y += 3;
    }

    public void KeyValues(IReadOnlyList<(string Key, string Value)> pairs)
    {
        foreach (var (key, value) in pairs)
        {
            var lines = Wrap(value, _body, Right - Margin - KeyWidth);
            Need(13);
            Canvas.DrawText(key, Margin, _y + 10, SKTextAlign.Left, _bold, _ink);
            foreach (var line in lines)
                Line(line, _body, Margin + KeyWidth, 13);
        }
        _y += 4;
    }

    public void Table(IReadOnlyList<ItemResult> items)
    {
        float[] columns = [Margin, Margin + 300, Margin + 355, Margin + 415];
        Need(20);
        string[] header = ["Item", "Earned", "Possible", "Status"];
        for (var c = 0; c < header.Length; c++)
            Canvas.DrawText(header[c], columns[c] + 4, _y + 11, SKTextAlign.Left, _bold, _ink);
        _y += 16;
        foreach (var item in items)
        {
            var title = Wrap(item.Title, _body, 290);
            var height = 13 * title.Count + 4;
            Need(height);
            using (var fill = new SKPaint { Color = Shade(item.Status) })
                Canvas.DrawRect(Margin, _y, Right - Margin, height, fill);
            for (var i = 0; i < title.Count; i++)
                Canvas.DrawText(title[i], columns[0] + 4, _y + 12 + 13 * i, SKTextAlign.Left, _body, _ink);
            Canvas.DrawText(FeedbackPdf.Points(item.Earned), columns[1] + 4, _y + 12, SKTextAlign.Left, _body, _ink);
            Canvas.DrawText(FeedbackPdf.Points(item.Possible), columns[2] + 4, _y + 12, SKTextAlign.Left, _body, _ink);
            Canvas.DrawText(StatusWords(item.Status), columns[3] + 4, _y + 12, SKTextAlign.Left, _body, _ink);
            _y += height + 1;
        }
        _y += 4;
    }

    public void Figure(AttentionPattern figure)
    {
        const float height = 260;
        Need(height);
        AttentionHeatmaps.Draw(Canvas, new SKRect(Margin, _y, Right, _y + height), figure);
        _y += height + 6;
        if (figure.Submission is null)
            Paragraph("Your submission did not run far enough to produce attention weights, so only the reference's pattern is shown.");
    }

    public void Chart(BarChart chart)
    {
        const float height = 200;
        Need(height);
        BarCharts.Draw(Canvas, new SKRect(Margin, _y, Margin + 330, _y + height), chart);
        _y += height + 4;
        Paragraph(chart.Caption);
    }

    /// <summary>Columns share the width evenly; each cell wraps within its column.</summary>
    public void TextTable(TextTable table)
    {
        var columnWidth = (Right - Margin) / table.Header.Count;
        void Row(IReadOnlyList<string> cells, SKFont font, SKColor shade)
        {
            var wrapped = cells.Select(c => Wrap(c, font, columnWidth - 8)).ToList();
            var height = 13 * wrapped.Max(w => w.Count) + 4;
            Need(height);
            using (var fill = new SKPaint { Color = shade })
                Canvas.DrawRect(Margin, _y, Right - Margin, height, fill);
            for (var c = 0; c < wrapped.Count; c++)
                for (var l = 0; l < wrapped[c].Count; l++)
                    Canvas.DrawText(wrapped[c][l], Margin + c * columnWidth + 4, _y + 12 + 13 * l, SKTextAlign.Left, font, _ink);
            _y += height + 1;
        }
        Row(table.Header, _bold, SKColors.White);
        foreach (var row in table.Rows)
            Row(row, _body, new SKColor(0xF3, 0xF3, 0xF3));
        _y += 4;
    }

    public void Finish()
    {
        if (_canvas is not null)
            EndPage();
    }

    public static string StatusWords(ItemStatus status) => status switch
    {
        ItemStatus.Passed => "passed",
        ItemStatus.Partial => "partial",
        ItemStatus.Failed => "failed",
        ItemStatus.NotImplemented => "not implemented",
        _ => "not run",
    };

    private static SKColor Shade(ItemStatus status) => status switch
    {
        ItemStatus.Passed => new SKColor(0xE6, 0xF4, 0xEA),
        ItemStatus.Partial => new SKColor(0xFF, 0xF4, 0xDB),
        _ => new SKColor(0xFC, 0xE8, 0xE6),
    };

    private void Line(string text, SKFont font, float x, float height)
    {
        Need(height);
        Canvas.DrawText(text, x, _y + height - 3, SKTextAlign.Left, font, _ink);
        _y += height;
    }

    private void Need(float height)
    {
        if (_canvas is null || _y + height > Bottom)
            NewPage();
    }

    private SKCanvas NewPage()
    {
        if (_canvas is not null)
            EndPage();
        _pageNumber++;
        _canvas = document.BeginPage(Width, Height);
        _y = Margin;
        return _canvas;
    }

    private void EndPage()
    {
        _canvas!.DrawText($"page {_pageNumber}", Width / 2, Height - 25, SKTextAlign.Center, _body, _grey);
        document.EndPage();
        _canvas = null;
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line is cut.</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (font.MeasureText(candidate) <= width)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0)
                lines.Add(current);
            current = word;
            while (font.MeasureText(current) > width && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && font.MeasureText(current[..cut]) > width) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0 || lines.Count == 0)
            lines.Add(current);
        return lines;
    }
}
