using GradingHost.Checks;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// The reference's and the submission's attention weights as two heatmaps side by side, drawn by
/// ScottPlot straight onto the PDF page's canvas so they stay vector graphics with real text.
/// </summary>
internal static class AttentionHeatmaps
{
    private const float TitleSpace = 20, AxisLabelSpace = 16, TickSpace = 5, PlotGap = 16, ColorBarSpace = 44;
    private const float MaxTickFontSize = 7.5f, MinTickFontSize = 5, MaxSide = 230;
    private const int MaxTokenLength = 10;

    /// <summary>The colour of cells with no valid weight, and its name for the caption that explains them.</summary>
    private static readonly Color InvalidCell = Colors.Red;
    public const string InvalidCellColorName = "red";

    /// <summary>Where everything goes for a figure this wide: computed once, used to reserve space and to draw.</summary>
    private sealed record Geometry(int Size, float Side, float FontSize, int LabelStep, bool RotateKeys, string[] Labels,
        float PadLeft, float PadBottom)
    {
        public float Height => TitleSpace + Side + PadBottom;
    }

    public static float Height(AttentionPattern pattern, float width) => GeometryFor(pattern, width).Height;

    /// <summary>Whether some submission cell will show as <see cref="InvalidCellColorName"/>, which the caption then has to explain.</summary>
    public static bool HasInvalidCells(AttentionPattern pattern)
    {
        var size = pattern.Reference.Length;
        return pattern.Submission is { } submission
            && (submission.Length != size || submission.Any(row => row.Length != size || row.Any(w => !double.IsFinite(w))));
    }

    public static void Draw(SKCanvas canvas, SKRect area, AttentionPattern pattern)
    {
        ReportFonts.UseInScottPlot();
        var geometry = GeometryFor(pattern, area.Width);
        var left = area.Left;
        var panels = pattern.Submission is null
            ? [("Reference", pattern.Reference)]
            : new[] { ("Reference", pattern.Reference), ("Your submission", pattern.Submission) };
        for (var i = 0; i < panels.Length; i++)
        {
            var withColorBar = i == panels.Length - 1;
            var width = geometry.PadLeft + geometry.Side + (withColorBar ? ColorBarSpace : PlotGap);
            Render(canvas, new PixelRect(left, left + width, area.Top + geometry.Height, area.Top), geometry, panels[i].Item1, panels[i].Item2, withColorBar);
            left += width;
        }
    }

    private static Geometry GeometryFor(AttentionPattern pattern, float width)
    {
        var size = Math.Max(pattern.Reference.Length, pattern.Submission?.Length ?? 0);
        var labels = Enumerable.Range(0, size).Select(i => i < pattern.Tokens.Count ? Display(pattern.Tokens[i]) : "").ToArray();
        var panels = pattern.Submission is null ? 1 : 2;

        // The side of each square depends on the room the tick labels take, and their size on the
        // side; a first guess at the largest font settles it well enough.
        var side = SideFor(width, panels, TickLabelWidth(labels, MaxTickFontSize));
        var cell = side / Math.Max(1, size);
        var fontSize = Math.Clamp(cell * 0.8f, MinTickFontSize, MaxTickFontSize);
        var labelWidth = TickLabelWidth(labels, fontSize);
        side = SideFor(width, panels, labelWidth);
        cell = side / Math.Max(1, size);
        var step = Math.Max(1, (int)Math.Ceiling(fontSize * 1.1f / cell));
        var rotate = labelWidth > cell * step;
        var keyLabelExtent = rotate ? labelWidth : fontSize * 1.2f;
        return new Geometry(size, side, fontSize, step, rotate, labels,
            PadLeft: labelWidth + TickSpace + AxisLabelSpace,
            PadBottom: keyLabelExtent + TickSpace + AxisLabelSpace);
    }

    private static float SideFor(float width, int panels, float labelWidth)
    {
        var padLeft = labelWidth + TickSpace + AxisLabelSpace;
        var side = (width - panels * padLeft - (panels - 1) * PlotGap - ColorBarSpace) / panels;
        return Math.Min(side, MaxSide);
    }

    private static float TickLabelWidth(string[] labels, float fontSize)
    {
        using var font = new SKFont(ReportFonts.Sans, fontSize);
        return labels.Length == 0 ? 0 : labels.Max(label => font.MeasureText(label));
    }

    /// <summary>Tokens are often single characters; a bare space or line break would be an invisible tick label.</summary>
    private static string Display(string token)
    {
        var shown = token switch
        {
            "" => "∅",
            "\n" => "↵",
            "\t" => "⇥",
            _ when string.IsNullOrWhiteSpace(token) => "␣",
            _ => token.Replace("\n", "↵").Replace("\t", "⇥").Replace(' ', '␣'),
        };
        return shown.Length > MaxTokenLength ? shown[..(MaxTokenLength - 1)] + "…" : shown;
    }

    private static void Render(SKCanvas canvas, PixelRect rect, Geometry geometry, string title, double[][] weights, bool withColorBar)
    {
        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(Matrix(weights, geometry.Size));
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // One colour scale for both panels, so equal colours mean equal weights.
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = InvalidCell;
        heatmap.RenderStrategy = new OverlappingCells();
        plot.Axes.SetLimits(0, geometry.Size, 0, geometry.Size);
        plot.HideGrid();

        var shownAt = Enumerable.Range(0, geometry.Size).Where(i => i % geometry.LabelStep == 0).ToArray();
        var shownLabels = shownAt.Select(i => geometry.Labels[i]).ToArray();
        // Row 0 (the first query) is drawn at the top of the heatmap.
        plot.Axes.Left.SetTicks(shownAt.Select(i => geometry.Size - i - 0.5).ToArray(), shownLabels);
        plot.Axes.Bottom.SetTicks(shownAt.Select(i => i + 0.5).ToArray(), shownLabels);
        if (geometry.RotateKeys)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            // ScottPlot measures tick labels unrotated; without this the axis label lands on them.
            plot.Axes.Bottom.MinimumSize = geometry.PadBottom;
        }
        plot.Axes.Title.Label.Text = title;
        // The title stacks above the empty top axis and its padding; collapsing both keeps it inside TitleSpace.
        plot.Axes.Title.VerticalPadding = 4;
        plot.Axes.Top.MaximumSize = 0;
        plot.Axes.Left.Label.Text = "query position";
        plot.Axes.Bottom.Label.Text = "key position";

        var styles = new List<(LabelStyle Style, float Size, bool Bold)>
        {
            (plot.Axes.Title.Label, 10, true),
            (plot.Axes.Left.Label, 8, false),
            (plot.Axes.Bottom.Label, 8, false),
            (plot.Axes.Left.TickLabelStyle, geometry.FontSize, false),
            (plot.Axes.Bottom.TickLabelStyle, geometry.FontSize, false),
        };
        if (withColorBar)
        {
            var colorBar = plot.Add.ColorBar(heatmap);
            colorBar.Width = 10;
            colorBar.Axis.MinorTickStyle.Length = 0;
            styles.Add((colorBar.Axis.TickLabelStyle, 7, false));
        }
        foreach (var (style, size, bold) in styles)
            PlotDrawing.Font(style, size, bold);

        plot.Layout.Fixed(new PixelPadding(
            left: geometry.PadLeft,
            right: rect.Width - geometry.PadLeft - geometry.Side,
            bottom: geometry.PadBottom,
            top: TitleSpace));

        PlotDrawing.Render(plot, canvas, rect);
    }

    /// <summary>
    /// One vector rectangle per cell (a bitmap would be an embedded image that viewers blur when
    /// zoomed), each reaching slightly under its right and lower neighbours: rectangles that merely
    /// touch leave hairline seams in most PDF viewers. Cell (i, j) spans x ∈ [j, j+1] and, row 0 on top, y ∈ [n−i−1, n−i], values on a 0..1 scale.
    /// </summary>
    private sealed class OverlappingCells : Heatmap.IRenderStrategy
    {
        private const float Overlap = 0.5f;

        public void Render(RenderPack rp, Heatmap heatmap)
        {
            var values = heatmap.Intensities;
            var (rows, columns) = (values.GetLength(0), values.GetLength(1));
            using var paint = new SKPaint();
            for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++)
                {
                    var value = values[i, j];
                    paint.Color = (double.IsNaN(value) ? heatmap.NaNCellColor : heatmap.Colormap.GetColor(Math.Clamp(value, 0, 1))).ToSKColor();
                    rp.Canvas.DrawRect(SKRect.Create(
                        heatmap.Axes.GetPixelX(j), heatmap.Axes.GetPixelY(rows - i),
                        heatmap.Axes.GetPixelX(j + 1) - heatmap.Axes.GetPixelX(j) + Overlap,
                        heatmap.Axes.GetPixelY(rows - i - 1) - heatmap.Axes.GetPixelY(rows - i) + Overlap), paint);
                }
        }
    }

    /// <summary>Jagged rows to a square matrix; cells the submission did not produce, or produced as NaN/∞, become NaN.</summary>
    private static double[,] Matrix(double[][] weights, int size)
    {
        var matrix = new double[size, size];
        for (var i = 0; i < size; i++)
            for (var j = 0; j < size; j++)
                matrix[i, j] = i < weights.Length && j < weights[i].Length && double.IsFinite(weights[i][j]) ? weights[i][j] : double.NaN;
        return matrix;
    }
}
