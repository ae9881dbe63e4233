using System.Globalization;
using GradingHost.Checks;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace GradingHost.Report;

/// <summary>
/// A scatter or line plot (e.g. dev loss against compute with a fitted power law), drawn by ScottPlot as
/// vectors onto the page. A log axis plots log10 of its values and labels its ticks with the values
/// themselves, so the student reads "10k", not "4".
/// </summary>
internal static class ScatterPlots
{
    public const float Height = 210;
    private const float TickFontSize = 8, AxisFontSize = 9, NoteFontSize = 8.5f, MarkerSize = 5, LineWidth = 1.5f;

    /// <summary>The bar charts' blue first, then the rest of seaborn's "deep" palette: muted colours, each distinct from the others.</summary>
    private static readonly Color[] Palette = new[] { "#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C", "#CCB974", "#64B5CD" }
        .Select(Color.FromHex).ToArray();

    private static readonly Alignment[] Corners = [Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerRight, Alignment.LowerLeft];

    /// <summary>A series with the points its axes can show, in plotted coordinates (log10 on a log axis); error bars as distances below and above.</summary>
    private sealed record Points(PlotSeries Series, double[] X, double[] Y, double[] Below, double[] Above);

    public static void Draw(SKCanvas canvas, SKRect area, ScatterPlot figure)
    {
        ReportFonts.UseInScottPlot();
        using var plot = new Plot();
        var series = (figure.Series ?? []).OfType<PlotSeries>().Select(s => Plotted(s, figure.LogX, figure.LogY)).ToList();
        var labelled = series.Count(s => !string.IsNullOrWhiteSpace(s.Series.Label));
        for (var i = 0; i < series.Count; i++)
            Add(plot, series[i], Palette[i % Palette.Length], labelled > 1);

        plot.Axes.Bottom.Label.Text = figure.XAxis ?? "";
        plot.Axes.Left.Label.Text = figure.YAxis ?? "";
        if (figure.LogX)
            plot.Axes.Bottom.TickGenerator = new LogTicks();
        if (figure.LogY)
            plot.Axes.Left.TickGenerator = new LogTicks();

        // Limits now rather than at the first render, so the corners' contents are known before the note and legend go in.
        var empty = series.All(s => s.X.Length == 0);
        if (empty)
            plot.Axes.SetLimits(0, 1, 0, 1);
        else
            plot.Axes.AutoScale();
        var corners = new Queue<Alignment>(EmptiestCorners(series, plot.Axes.GetLimits()));

        if (empty)
            Note(plot, "No values to plot", Alignment.MiddleCenter);
        else if (!string.IsNullOrWhiteSpace(figure.Note))
            Note(plot, figure.Note, corners.Dequeue());
        if (labelled > 1)
        {
            plot.ShowLegend(corners.Dequeue());
            plot.Legend.FontName = ReportFonts.PlotFamily;
            plot.Legend.FontSize = TickFontSize;
            // Left on, the legend may pick a system font for its text, one the PDF would then embed.
            plot.Legend.SetBestFontOnEachRender = false;
            plot.Legend.OutlineColor = Colors.Black.WithAlpha(0.25);
            plot.Legend.ShadowColor = Colors.Transparent;
        }

        foreach (var (style, size) in new (LabelStyle, float)[]
                 {
                     (plot.Axes.Bottom.TickLabelStyle, TickFontSize), (plot.Axes.Left.TickLabelStyle, TickFontSize),
                     (plot.Axes.Bottom.Label, AxisFontSize), (plot.Axes.Left.Label, AxisFontSize),
                 })
            PlotDrawing.Font(style, size);

        PlotDrawing.Render(plot, canvas, new PixelRect(area.Left, area.Right, area.Bottom, area.Top));
    }

    private static void Add(Plot plot, Points points, Color color, bool legend)
    {
        if (points.X.Length == 0)
            return;
        var series = points.Series;
        if (points.Below.Any(d => d > 0) || points.Above.Any(d => d > 0))
        {
            plot.Add.Plottable(new ErrorBar(points.X, points.Y, null, null, points.Above, points.Below)
            {
                Color = color,
                LineWidth = 1,
                CapSize = 2.5f,
            });
        }
        var scatter = plot.Add.Scatter(points.X, points.Y, color);
        scatter.LineWidth = series.Line ? LineWidth : 0;
        // A series with neither would not show at all.
        scatter.MarkerSize = series.Markers || !series.Line ? MarkerSize : 0;
        scatter.MarkerShape = MarkerShape.FilledCircle;
        if (legend)
            scatter.LegendText = series.Label ?? "";
    }

    /// <summary>The points a series can show: NaN, infinities and, on a log axis, values not above zero are left out; so is an error bar's end that is.</summary>
    private static Points Plotted(PlotSeries series, bool logX, bool logY)
    {
        List<double> xs = [], ys = [], below = [], above = [];
        var count = Math.Min(series.X?.Count ?? 0, series.Y?.Count ?? 0);
        for (var i = 0; i < count; i++)
        {
            var (x, y) = (Scaled(series.X![i], logX), Scaled(series.Y![i], logY));
            if (!double.IsFinite(x) || !double.IsFinite(y))
                continue;
            xs.Add(x);
            ys.Add(y);
            below.Add(Math.Max(0, y - Scaled(At(series.Low, i), logY)) is var b && double.IsFinite(b) ? b : 0);
            above.Add(Math.Max(0, Scaled(At(series.High, i), logY) - y) is var a && double.IsFinite(a) ? a : 0);
        }
        return new Points(series, [.. xs], [.. ys], [.. below], [.. above]);
    }

    private static double At(IReadOnlyList<double>? values, int i) => values is not null && i < values.Count ? values[i] : double.NaN;

    /// <summary>log10 on a log axis, NaN for what that axis cannot show.</summary>
    private static double Scaled(double value, bool log) => !log ? value : value > 0 ? Math.Log10(value) : double.NaN;

    private static void Note(Plot plot, string text, Alignment corner)
    {
        var note = plot.Add.Annotation(text, corner);
        note.LabelFontName = ReportFonts.PlotFamily;
        note.LabelFontSize = NoteFontSize;
        note.LabelFontColor = Colors.Black;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelBorderColor = Colors.Black.WithAlpha(0.25);
        note.LabelBorderWidth = 0.75f;
        note.LabelShadowColor = Colors.Transparent;
        note.LabelPadding = 3;
        note.OffsetX = note.OffsetY = 6;
    }

    /// <summary>
    /// The corners from the one with the fewest points (lines sampled along their length, error bars at
    /// both ends) to the one with the most, so the note and the legend hide as little of the data as they can.
    /// </summary>
    private static IEnumerable<Alignment> EmptiestCorners(IReadOnlyList<Points> series, AxisLimits limits)
    {
        var counts = Corners.ToDictionary(c => c, _ => 0);
        void Count(double x, double y)
        {
            var (fx, fy) = ((x - limits.Left) / (limits.Right - limits.Left), (y - limits.Bottom) / (limits.Top - limits.Bottom));
            var corner = (fx > 0.55, fx < 0.45, fy > 0.6, fy < 0.4) switch
            {
                (true, _, true, _) => Alignment.UpperRight,
                (_, true, true, _) => Alignment.UpperLeft,
                (true, _, _, true) => Alignment.LowerRight,
                (_, true, _, true) => Alignment.LowerLeft,
                _ => (Alignment?)null,
            };
            if (corner is { } c)
                counts[c]++;
        }

        foreach (var points in series)
            for (var i = 0; i < points.X.Length; i++)
            {
                Count(points.X[i], points.Y[i]);
                Count(points.X[i], points.Y[i] - points.Below[i]);
                Count(points.X[i], points.Y[i] + points.Above[i]);
                if (points.Series.Line && i > 0)
                    for (var t = 0.1; t < 1; t += 0.1)
                        Count(points.X[i - 1] + t * (points.X[i] - points.X[i - 1]), points.Y[i - 1] + t * (points.Y[i] - points.Y[i - 1]));
            }
        // OrderBy is stable: among equally empty corners the upper right, where readers look for a legend, comes first.
        return Corners.OrderBy(c => counts[c]);
    }

    /// <summary>
    /// Ticks for an axis that plots log10 of its values, labelled with the values (3, 10, 30 or 1k, 10k, 100k).
    /// Across a decade or more: as many of 1…9, 1-2-3-5, 1-2-5, 1-3 or 1 per decade (or per several decades) as fit without
    /// their labels crowding, with minor ticks at the 2…9 that go unlabelled. Within less than a decade, where
    /// those would leave most of the axis bare: evenly spaced values, e.g. 800, 900, 1k, 1.1k, 1.2k.
    /// </summary>
    private sealed class LogTicks : ITickGenerator
    {
        private static readonly (int[] Mantissas, int Decades)[] Choices =
        [
            ([1, 2, 3, 4, 5, 6, 7, 8, 9], 1), ([1, 2, 3, 5], 1), ([1, 2, 5], 1), ([1, 3], 1), ([1], 1),
            ([1], 2), ([1], 3), ([1], 5), ([1], 10), ([1], 20), ([1], 50), ([1], 100),
        ];

        public Tick[] Ticks { get; set; } = [];
        public int MaxTickCount { get; set; } = 50;

        public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
        {
            Ticks = [];
            // Beyond ±300 decades the values are not doubles; a range that wide is not data anyway.
            if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Max <= range.Min || size.Length <= 0
                || range.Min < -300 || range.Max > 300)
                return;

            bool Fits(List<double> positions)
            {
                if (positions.Count > MaxTickCount)
                    return false;
                if (positions.Count < 2)
                    return true;
                var labels = Labels(positions).ToArray();
                var room = edge.IsVertical()
                    ? labelStyle.MeasureHighestString(labels, paint).Item2 * 1.6f
                    : labelStyle.MeasureWidestString(labels, paint).Item2.Length + 8;
                var perUnit = size.Length / (range.Max - range.Min);
                return positions.Zip(positions.Skip(1)).All(pair => (pair.Second - pair.First) * perUnit >= room);
            }

            if (range.Max - range.Min < 1)
            {
                var linear = LinearSteps(range).Select(step => Linear(range, step)).FirstOrDefault(Fits, []);
                Ticks = linear.Zip(Labels(linear), Tick.Major).ToArray();
                return;
            }
            foreach (var choice in Choices)
            {
                var major = Major(range, choice);
                if (!Fits(major) && choice != Choices[^1])
                    continue;
                Ticks = [.. major.Zip(Labels(major), Tick.Major), .. Minor(range, choice, major).Select(Tick.Minor)];
                return;
            }
        }

        private static List<double> Major(CoordinateRange range, (int[] Mantissas, int Decades) choice) =>
            Enumerable.Range((int)Math.Floor(range.Min), (int)Math.Ceiling(range.Max) - (int)Math.Floor(range.Min) + 1)
                .Where(decade => decade % choice.Decades == 0)
                .SelectMany(decade => choice.Mantissas.Select(m => decade + Math.Log10(m)))
                .Where(range.Contains)
                .ToList();

        /// <summary>The decades' 2…9 where only whole decades are labelled; the unlabelled decades where every few are.</summary>
        private static IEnumerable<double> Minor(CoordinateRange range, (int[] Mantissas, int Decades) choice, List<double> major)
        {
            if (choice.Mantissas.Length == 9 || choice.Decades > 10 || (choice.Decades > 1 && major.Count < 2))
                return [];
            var mantissas = choice.Decades == 1 ? Enumerable.Range(2, 8).Except(choice.Mantissas).ToArray() : [1];
            return Major(range, (mantissas, 1)).Where(p => !major.Any(m => Math.Abs(m - p) < 1e-9));
        }

        /// <summary>1, 2 and 5 times powers of ten, from a hundredth of the range's width up to all of it.</summary>
        private static IEnumerable<double> LinearSteps(CoordinateRange range)
        {
            var width = Math.Pow(10, range.Max) - Math.Pow(10, range.Min);
            var power = Math.Floor(Math.Log10(width)) - 2;
            for (var k = power; k <= power + 2; k++)
                foreach (var m in new[] { 1, 2, 5 })
                    yield return m * Math.Pow(10, k);
        }

        /// <summary>The positions of the multiples of <paramref name="step"/> in the range.</summary>
        private static List<double> Linear(CoordinateRange range, double step)
        {
            var (first, last) = (Math.Ceiling(Math.Pow(10, range.Min) / step), Math.Floor(Math.Pow(10, range.Max) / step));
            return first > last || last - first > 1000 ? [] : Enumerable.Range(0, (int)(last - first) + 1)
                .Select(i => Math.Log10((first + i) * step)).Where(range.Contains).ToList();
        }
    }

    /// <summary>
    /// The labels for ticks at these log10 positions (each a round number, so the fewest significant digits that
    /// give it back), all in powers of ten when any needs them, so that an axis reads one way.
    /// </summary>
    private static IEnumerable<string> Labels(List<double> positions)
    {
        var values = positions.Select(p => Math.Pow(10, p)).ToList();
        var powers = values.Any(v => Exponent(v) is < -3 or >= 15);
        return values.Select(value =>
        {
            var scale = Math.Pow(10, Exponent(value));
            var digits = Enumerable.Range(1, 6).FirstOrDefault(d => Math.Abs(Math.Round(value / scale, d - 1) * scale - value) <= 1e-9 * value, 6);
            return Number(value, digits, powers);
        });
    }

    private static int Exponent(double value) => (int)Math.Floor(Math.Log10(value) + 1e-9);

    private static readonly string[] Superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

    /// <summary>
    /// A positive value to <paramref name="digits"/> significant digits as people write it on an axis: "0.03", "3",
    /// "300", then "3k", "3M", "3B", "3T"; in powers of ten ("10¹⁸", "3×10⁻⁵") beyond those, or everywhere with <paramref name="powers"/>.
    /// </summary>
    private static string Number(double value, int digits, bool powers)
    {
        if (!(value > 0) || !double.IsFinite(value))
            return "";
        var exponent = Exponent(value);
        var mantissa = Math.Round(value / Math.Pow(10, exponent), digits - 1);
        if (mantissa >= 10)
            (mantissa, exponent) = (mantissa / 10, exponent + 1);
        static string Digits(double x) => x.ToString("0.##########", CultureInfo.InvariantCulture);
        if (!powers && exponent is >= -3 and < 3)
            return Digits(Math.Round(mantissa * Math.Pow(10, exponent), Math.Max(0, digits - 1 - exponent)));
        if (!powers && exponent is >= 3 and < 15)
            return Digits(Math.Round(mantissa * Math.Pow(10, exponent % 3), digits)) + "kMBT"[exponent / 3 - 1];
        var power = "10" + (exponent < 0 ? "⁻" : "") + string.Concat(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).Select(c => Superscripts[c - '0']));
        return mantissa == 1 ? power : $"{Digits(mantissa)}×{power}";
    }
}
