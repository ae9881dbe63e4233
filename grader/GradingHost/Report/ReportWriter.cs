using GradingHost.Checks;
using GradingHost.Rubric;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// The report's building blocks (headings, wrapped paragraphs, bullets, tables, figures) laid out
/// on a <see cref="PageFlow"/>; <see cref="FeedbackPdf"/> decides what goes in them.
/// </summary>
internal sealed class ReportWriter : IDisposable
{
    private const float Left = PageFlow.Left, Right = PageFlow.Right, Width = PageFlow.ContentWidth;
    private const float BulletIndent = 14, CellPadding = 5, RowPadding = 3;
    private const float HeadingGap = 16, HeadingRule = 6, ParagraphGap = 5, FigureGap = 6;

    /// <summary>A word wider than this share of the page (a long identifier in a message) may still break.</summary>
    private const float LongestWordShare = 0.3f;

    private static readonly SKColor Ink = new(0x1F, 0x23, 0x28);
    private static readonly SKColor Muted = new(0x5C, 0x63, 0x6B);
    private static readonly SKColor RuleColor = new(0xB8, 0xBE, 0xC5);
    private static readonly SKColor StripeColor = new(0xF4, 0xF5, 0xF7);

    private readonly PageFlow _flow = new();
    private readonly TextStyle _title = new(ReportFonts.Bold, 18, Ink, lineSpacing: 1.25f);
    private readonly TextStyle _heading = new(ReportFonts.Bold, 13, Ink);
    private readonly TextStyle _strong = new(ReportFonts.Bold, 10, Ink);
    private readonly TextStyle _body = new(ReportFonts.Sans, 10, Ink);
    private readonly TextStyle _muted = new(ReportFonts.Sans, 9, Muted);
    private readonly TextStyle _footer = new(ReportFonts.Sans, 8, Muted);
    private readonly Dictionary<ItemStatus, TextStyle> _statusStyles =
        Enum.GetValues<ItemStatus>().ToDictionary(status => status, status => new TextStyle(ReportFonts.Sans, 10, StatusInk(status)));
    private readonly SKPaint _rule = new() { Color = RuleColor, StrokeWidth = 0.75f, IsAntialias = true, IsStroke = true };
    private readonly SKPaint _strongRule = new() { Color = Ink, StrokeWidth = 0.75f, IsAntialias = true, IsStroke = true };

    /// <summary>
    /// One table cell: its wrapped lines, drawn left-aligned from <see cref="Left"/> or right-aligned
    /// to <see cref="Right"/>, at the top of the row or, with <see cref="AlignBottom"/>, at its foot.
    /// </summary>
    private sealed record Cell(IReadOnlyList<string> Lines, TextStyle Style, float Left, float Right, bool AlignRight = false, bool AlignBottom = false);

    private sealed record TableRow(IReadOnlyList<Cell> Cells, SKColor? Tint = null, bool RuleAbove = false);

    public void Title(string text)
    {
        Lines(_title, _title.Wrap(text, Width), Left);
        _flow.Gap(8);
    }

    public void Heading(string text)
    {
        _flow.Gap(HeadingGap);
        // A heading alone at the foot of a page reads as if its section were empty.
        _flow.KeepTogether(HeadingHeight(text) + 3 * _body.LineHeight);
        Lines(_heading, _heading.Wrap(text, Width), Left);
        _flow.Place(HeadingRule, (canvas, top) => canvas.DrawLine(Left, top + 1, Right, top + 1, _rule));
    }

    /// <summary>A bold line with a muted remark set against the right margin, e.g. an item's title and the points it lost.</summary>
    public void Subheading(string text, string remark = "")
    {
        _flow.Gap(6);
        var remarkWidth = remark.Length == 0 ? 0 : _muted.Width(remark) + 12;
        var lines = _strong.Wrap(text, Width - remarkWidth);
        _flow.KeepTogether(lines.Count * _strong.LineHeight + 2 * _body.LineHeight);
        Lines(_strong, lines.SkipLast(1), Left);
        // On the last line, like the rubric table's figures, so a wrapped title extracts as one run of text.
        _flow.Place(_strong.LineHeight, (canvas, top) =>
        {
            _strong.Draw(canvas, lines[^1], Left, top);
            _muted.Draw(canvas, remark, Right, top + (_strong.LineHeight - _muted.LineHeight) / 2, SKTextAlign.Right);
        });
    }

    public void Paragraph(string text, bool muted = false)
    {
        var style = muted ? _muted : _body;
        Lines(style, style.Wrap(text, Width), Left);
        _flow.Gap(ParagraphGap);
    }

    public void Bullet(string text)
    {
        var lines = _body.Wrap(text, Width - BulletIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, first) = (lines[i], i == 0);
            _flow.Place(_body.LineHeight, (canvas, top) =>
            {
                if (first)
                    _body.Draw(canvas, "•", Left + 3, top);
                _body.Draw(canvas, line, Left + BulletIndent, top);
            });
        }
        _flow.Gap(3);
    }

    /// <summary>Label/value rows; the label column is as wide as the widest label, up to 40% of the page.</summary>
    public void Facts(IReadOnlyList<(string Label, string Value)> facts)
    {
        var labelWidth = Math.Min(facts.Max(f => _muted.Width(f.Label)), 0.4f * Width) + 14;
        foreach (var (label, value) in facts)
        {
            var labels = _muted.Wrap(label, labelWidth - 14);
            var values = _body.Wrap(value, Width - labelWidth);
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                var labelLine = i < labels.Count ? labels[i] : "";
                var valueLine = i < values.Count ? values[i] : "";
                _flow.Place(_body.LineHeight, (canvas, top) =>
                {
                    _muted.Draw(canvas, labelLine, Left, top + (_body.LineHeight - _muted.LineHeight) / 2);
                    _body.Draw(canvas, valueLine, Left + labelWidth, top);
                });
            }
        }
        _flow.Gap(4);
    }

    /// <summary>Item, Earned, Possible, Status, rows tinted by status, and a total.</summary>
    public void RubricTable(IReadOnlyList<ItemResult> items, double score, double maxScore)
    {
        const float numberWidth = 60, statusWidth = 92;
        var itemRight = Right - 2 * numberWidth - statusWidth;
        var earnedRight = itemRight + numberWidth;
        var possibleRight = earnedRight + numberWidth;

        // Text is extracted line by line, so the figures sit on a wrapped title's last line: on its
        // first they would split the title in two for anyone searching or reading the PDF as text.
        TableRow Row(TextStyle style, TextStyle statusStyle, string item, string earned, string possible, string status) => new([
            new(style.Wrap(item, itemRight - Left - 2 * CellPadding), style, Left, itemRight),
            new([earned], style, itemRight, earnedRight, AlignRight: true, AlignBottom: true),
            new([possible], style, earnedRight, possibleRight, AlignRight: true, AlignBottom: true),
            new([status], statusStyle, possibleRight, Right, AlignBottom: true),
        ]);

        var rows = items
            .Select(item => Row(_body, _statusStyles[item.Status], item.Label, ReportText.Number(item.Earned), ReportText.Number(item.Possible), ReportText.Word(item.Status))
                with { Tint = Tint(item.Status) })
            .Append(Row(_strong, _strong, "Total", ReportText.Number(score), TotalPossible(items, maxScore), "") with { RuleAbove = true });
        Table(Row(_strong, _strong, "Item", "Earned", "Possible", "Status"), rows);
    }

    /// <summary>"13 + 7" when extra credit is on offer: the column above sums to both, the score is out of the first.</summary>
    private static string TotalPossible(IReadOnlyList<ItemResult> items, double maxScore)
    {
        var extra = items.Where(i => i.ExtraCredit).Sum(i => i.Possible);
        return extra > 0 ? $"{ReportText.Number(maxScore)} + {ReportText.Number(extra)}" : ReportText.Number(maxScore);
    }

    /// <summary>A heading and a table of text, the heading kept with the table's first rows; each column gets room in proportion to what it holds, and cells wrap.</summary>
    public void TableSection(TextTable table)
    {
        var columns = Math.Max(table.Header.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        if (columns == 0)
            return;
        string CellText(IReadOnlyList<string> row, int column) => column < row.Count ? row[column] : "";

        var natural = Enumerable.Range(0, columns)
            .Select(c => table.Rows.Select(r => LongestLine(_body, CellText(r, c)))
                .Append(LongestLine(_strong, CellText(table.Header, c)))
                .Max() + 2 * CellPadding)
            .ToArray();
        // Columns that fit get what they need and share the rest; otherwise the square root keeps
        // a column of short labels from being squeezed by one of long sentences.
        var widths = natural.Sum() <= Width
            ? natural.Select(w => w + (Width - natural.Sum()) / columns).ToArray()
            : KeepWordsWhole(natural.Select(w => Width * MathF.Sqrt(w) / natural.Sum(MathF.Sqrt)).ToArray(),
                Enumerable.Range(0, columns).Select(c => MathF.Min(table.Rows.Select(r => LongestWord(_body, CellText(r, c)))
                    .Append(LongestWord(_strong, CellText(table.Header, c))).Max() + 2 * CellPadding + 1, LongestWordShare * Width)).ToArray());
        var edges = widths.Select((_, c) => Left + widths.Take(c).Sum()).Append(Right).ToArray();

        TableRow Row(IReadOnlyList<string> cells, TextStyle style) => new(Enumerable.Range(0, columns)
            .Select(c => new Cell(style.Wrap(CellText(cells, c), edges[c + 1] - edges[c] - 2 * CellPadding), style, edges[c], edges[c + 1]))
            .ToList());

        var header = Row(table.Header, _strong);
        var rows = table.Rows.Select((row, i) => Row(row, _body) with { Tint = i % 2 == 1 ? StripeColor : null }).ToList();
        _flow.KeepTogether(HeadingGap + HeadingHeight(table.Title) + RowHeight(header) + 2 + rows.Take(2).Sum(RowHeight));
        Heading(table.Title);
        Table(header, rows);
    }

    /// <summary>A heading, a muted caption, optionally a note, and the attention figure, all kept on one page.</summary>
    public void AttentionSection(string heading, string caption, string? note, AttentionPattern pattern)
    {
        var figureHeight = AttentionHeatmaps.Height(pattern, Width);
        _flow.KeepTogether(HeadingGap + HeadingHeight(heading) + ParagraphHeight(caption, _muted)
                           + (note is null ? 0 : ParagraphHeight(note, _body)) + figureHeight);
        Heading(heading);
        Paragraph(caption, muted: true);
        if (note is not null)
            Paragraph(note);
        _flow.Place(figureHeight, (canvas, top) => AttentionHeatmaps.Draw(canvas, new SKRect(Left, top, Right, top + figureHeight), pattern));
    }

    /// <summary>Each kind of <see cref="ReportFigure"/> as its own section; a figure of a kind this host does not know is left out.</summary>
    public void FigureSection(ReportFigure figure)
    {
        switch (figure)
        {
            case BarChart chart:
                ChartSection(chart);
                break;
            case ScatterPlot plot:
                PlotSection(plot);
                break;
            case TextTable table:
                TableSection(table);
                break;
        }
    }

    /// <summary>A heading, the bar chart and its caption below, all kept on one page.</summary>
    public void ChartSection(BarChart chart)
    {
        var size = BarCharts.Size(chart, Width);
        _flow.KeepTogether(HeadingGap + HeadingHeight(chart.Title) + size.Height + FigureGap + ParagraphHeight(chart.Caption, _muted));
        Heading(chart.Title);
        _flow.Place(size.Height, (canvas, top) => BarCharts.Draw(canvas, SKRect.Create(Left, top, size.Width, size.Height), chart));
        _flow.Gap(FigureGap);
        Paragraph(chart.Caption, muted: true);
    }

    /// <summary>A heading, the scatter plot across the page and its caption below, all kept on one page.</summary>
    public void PlotSection(ScatterPlot plot)
    {
        // The artefact comes from JSON a grading wrote, which may leave out what the record says it has.
        var (title, caption) = (plot.Title ?? "", plot.Caption ?? "");
        _flow.KeepTogether(HeadingGap + HeadingHeight(title) + ScatterPlots.Height + FigureGap + ParagraphHeight(caption, _muted));
        Heading(title);
        _flow.Place(ScatterPlots.Height, (canvas, top) => ScatterPlots.Draw(canvas, SKRect.Create(Left, top, Width, ScatterPlots.Height), plot));
        _flow.Gap(FigureGap);
        Paragraph(caption, muted: true);
    }

    /// <summary>Lays out every page, each with "<paramref name="footer"/> · page N of M" at its foot, and writes the PDF.</summary>
    public void Save(string pdfPath, SKDocumentPdfMetadata metadata, string footer)
    {
        using var stream = File.Create(pdfPath);
        using var document = SKDocument.CreatePdf(stream, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        _flow.WriteTo(document, (canvas, page, pages) =>
        {
            var top = PageFlow.PageHeight - PageFlow.Margin + 14;
            canvas.DrawLine(Left, top - 4, Right, top - 4, _rule);
            _footer.Draw(canvas, footer, Left, top);
            _footer.Draw(canvas, $"page {page} of {pages}", Right, top, SKTextAlign.Right);
        });
        document.Close();
    }

    /// <summary>Rows with a rule under the header; the header is repeated on every page the table reaches.</summary>
    private void Table(TableRow header, IEnumerable<TableRow> rows)
    {
        void Header()
        {
            Row(header);
            _flow.Place(2, (canvas, top) => canvas.DrawLine(Left, top, Right, top, _strongRule));
        }

        _flow.KeepTogether(RowHeight(header) + 2 + 2 * (_body.LineHeight + 2 * RowPadding));
        Header();
        foreach (var row in rows)
        {
            if (!_flow.Fits(RowHeight(row)))
            {
                _flow.NewPage();
                Header();
            }
            Row(row);
        }
        _flow.Gap(4);
    }

    private void Row(TableRow row)
    {
        var height = RowHeight(row);
        var bottom = height - RowPadding;
        _flow.Place(height, (canvas, top) =>
        {
            if (row.Tint is { } tint)
            {
                using var fill = new SKPaint { Color = tint };
                canvas.DrawRect(Left, top, Width, height, fill);
            }
            if (row.RuleAbove)
                canvas.DrawLine(Left, top, Right, top, _strongRule);
            foreach (var cell in row.Cells)
                for (var i = 0; i < cell.Lines.Count; i++)
                {
                    var lineTop = top + i * cell.Style.LineHeight
                                  + (cell.AlignBottom ? bottom - cell.Lines.Count * cell.Style.LineHeight : RowPadding);
                    if (cell.AlignRight)
                        cell.Style.Draw(canvas, cell.Lines[i], cell.Right - CellPadding, lineTop, SKTextAlign.Right);
                    else
                        cell.Style.Draw(canvas, cell.Lines[i], cell.Left + CellPadding, lineTop);
                }
        });
    }

    private static float RowHeight(TableRow row) => row.Cells.Max(c => c.Lines.Count * c.Style.LineHeight) + 2 * RowPadding;

    /// <summary>
    /// Widens a column narrower than its longest word (a header such as "students" over a column of small
    /// numbers would otherwise break mid-word), taking the width from the columns that have room to spare.
    /// </summary>
    private static float[] KeepWordsWhole(float[] widths, float[] minimum)
    {
        var deficit = widths.Select((w, c) => MathF.Max(0, minimum[c] - w)).Sum();
        var spare = widths.Select((w, c) => MathF.Max(0, w - minimum[c])).Sum();
        if (deficit == 0 || spare < deficit)
            return widths;
        return widths.Select((w, c) => w < minimum[c] ? minimum[c] : w - (w - minimum[c]) / spare * deficit).ToArray();
    }

    private static float LongestWord(TextStyle style, string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(style.Width).DefaultIfEmpty(0).Max();

    private static float LongestLine(TextStyle style, string text) => style.Wrap(text, float.MaxValue).Select(style.Width).DefaultIfEmpty(0).Max();

    private float HeadingHeight(string text) => _heading.Wrap(text, Width).Count * _heading.LineHeight + HeadingRule;

    private static float ParagraphHeight(string text, TextStyle style) => style.Wrap(text, Width).Count * style.LineHeight + ParagraphGap;

    private void Lines(TextStyle style, IEnumerable<string> lines, float x)
    {
        foreach (var line in lines)
            _flow.Place(style.LineHeight, (canvas, top) => style.Draw(canvas, line, x, top));
    }

    private static SKColor Tint(ItemStatus status) => status switch
    {
        ItemStatus.Passed => new SKColor(0xEC, 0xF6, 0xEE),
        ItemStatus.Partial => new SKColor(0xFF, 0xF5, 0xDD),
        ItemStatus.Failed => new SKColor(0xFC, 0xEA, 0xE8),
        ItemStatus.NotImplemented => new SKColor(0xEE, 0xF0, 0xF6),
        _ => new SKColor(0xF2, 0xF2, 0xF2),
    };

    private static SKColor StatusInk(ItemStatus status) => status switch
    {
        ItemStatus.Passed => new SKColor(0x1E, 0x6B, 0x34),
        ItemStatus.Partial => new SKColor(0x8A, 0x5A, 0x00),
        ItemStatus.Failed => new SKColor(0xA8, 0x23, 0x1B),
        ItemStatus.NotImplemented => new SKColor(0x3A, 0x4A, 0x6B),
        _ => Muted,
    };

    public void Dispose()
    {
        foreach (var style in new[] { _title, _heading, _strong, _body, _muted, _footer }.Concat(_statusStyles.Values))
            style.Dispose();
        _rule.Dispose();
        _strongRule.Dispose();
    }
}
